package io.opsflow.approval.cc;

import java.util.List;

/** Published after CC rows were written (in the writing transaction), e.g. for notifications. */
public record ApprovalCcRecorded(String processInstanceId, String nodeId, List<String> userIds, String ccBy, String note) {}
