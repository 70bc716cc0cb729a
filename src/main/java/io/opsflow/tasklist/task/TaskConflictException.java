package io.opsflow.tasklist.task;

/** Someone else got there first (claimed or completed the task); the message is meant for the user. */
public class TaskConflictException extends RuntimeException {

    public TaskConflictException(String message) {
        super(message, null, false, false);
    }
}
