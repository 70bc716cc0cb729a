package io.opsflow.workorder.order;

import java.time.Instant;

/**
 * One change of a work order's assignee.
 *
 * @param kind AUTO (scorer), DISPATCH (manual dispatch task) or OVERRIDE (reassignment)
 */
public record AuditEntry(String kind, String fromUser, String toUser, String changedBy, String reason, Instant changedAt) {

    public static final String AUTO = "AUTO";
    public static final String DISPATCH = "DISPATCH";
    public static final String OVERRIDE = "OVERRIDE";
}
