package io.opsflow.approval.run;

import java.time.Instant;

/**
 * An approval in a list: which one, who started it when, where it is and how it ended.
 *
 * @param state RUNNING or FINISHED
 * @param result approved, rejected, cancelled (finished ones only)
 * @param taskId in "to do" and "done": the caller's task; otherwise null
 */
public record ApprovalSummary(String processInstanceId, String name, String definitionKey, String starter, Instant startedAt,
        Instant endedAt, String state, String result, String taskId, String nodeName) {}
