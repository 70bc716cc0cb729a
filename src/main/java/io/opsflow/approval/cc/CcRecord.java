package io.opsflow.approval.cc;

import java.time.Instant;

/** One CC (抄送) of an approval to one user: by a CC node ({@code ccBy} = {@code system:cc-node}) or by a person. */
public record CcRecord(String id, String processInstanceId, String nodeId, String userId, String ccBy, String note,
        Instant createdAt, Instant readAt) {}
