package io.opsflow.approval.assignee;

import java.util.List;

/** An approver node on the predicted path, with the users it would resolve to now and why it would decide itself, if so. */
public record PredictedNode(String nodeId, String name, String method, List<String> approvers, String result, String auto) {}
