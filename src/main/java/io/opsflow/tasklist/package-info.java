/**
 * The web task list staff work in (my tasks, group tasks, forms, comments, attachments, starting
 * processes, instance pages) and {@code /api/v1/tasks}. Forms are JSON files in {@code forms/}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Task list")
package io.opsflow.tasklist;
