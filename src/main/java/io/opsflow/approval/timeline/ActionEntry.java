package io.opsflow.approval.timeline;

import java.time.Instant;

/** One row of the action log: who did what on which approval, task and node, to whom, when and why. */
public record ActionEntry(
        long id,
        String processInstanceId,
        String taskId,
        String nodeId,
        ActionKind kind,
        String actor,
        String target,
        String detail,
        String comment,
        Instant at) {}
