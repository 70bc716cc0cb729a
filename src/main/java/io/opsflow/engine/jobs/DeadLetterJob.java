package io.opsflow.engine.jobs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One job that used up its retries, as admins see it: where it failed and the first line of why.
 *
 * @param processDefinition the definition's name and key with version, or its id if it is gone
 * @param activityId the BPMN element the job belongs to
 * @param reason the first line of the exception message, never a stack trace
 */
record DeadLetterJob(
        String id,
        String processDefinitionId,
        String processDefinition,
        String processInstanceId,
        String activityId,
        String activityName,
        String reason,
        Instant created,
        int retries,
        String jobType) {

    static final int MAX_REASON_LENGTH = 300;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** The first line of an exception message, shortened; blank when the job recorded none. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() <= MAX_REASON_LENGTH ? line : line.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }

    public String createdUtc() {
        return created == null ? "" : UTC.format(created);
    }
}
