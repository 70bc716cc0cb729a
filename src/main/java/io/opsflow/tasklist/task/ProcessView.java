package io.opsflow.tasklist.task;

/** A process definition a person can pick: key, name, description, start form key. */
public record ProcessView(String key, String name, String description, String startFormKey) {}
