package io.opsflow.tasklist.task;

/** The task, instance or attachment does not exist or the caller may not see it — the same answer for both. */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String what) {
        super(what + " not found", null, false, false);
    }
}
