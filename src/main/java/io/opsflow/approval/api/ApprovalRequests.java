package io.opsflow.approval.api;

import java.util.List;
import java.util.Map;

/** Request bodies of {@code /api/v1/approvals}. */
final class ApprovalRequests {

    private ApprovalRequests() {}

    record Start(String definitionKey, Map<String, Object> form) {}

    record Comment(String comment) {}

    record Reject(String comment, String returnTo) {}

    record Return(String target, String comment) {}

    record ToUser(String user, String comment) {}

    record AddApprovers(List<String> users, String position, String comment) {}

    record Users(List<String> users, String comment) {}

    record Resubmit(Map<String, Object> form, String comment) {}
}
