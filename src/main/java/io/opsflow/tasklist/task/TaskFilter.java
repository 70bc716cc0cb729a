package io.opsflow.tasklist.task;

import java.time.LocalDate;

/** Optional narrowing of a task list: process definition key, due before a day, minimum priority. */
public record TaskFilter(String processKey, LocalDate dueBefore, Integer minPriority) {

    public static final TaskFilter NONE = new TaskFilter(null, null, null);

    public TaskFilter {
        processKey = processKey == null || processKey.isBlank() ? null : processKey.strip();
    }
}
