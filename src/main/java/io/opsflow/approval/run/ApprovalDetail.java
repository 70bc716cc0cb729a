package io.opsflow.approval.run;

import io.opsflow.approval.timeline.TimelineItem;
import java.util.List;
import java.util.Map;

/**
 * One approval as its page and {@code GET /api/v1/approvals/{id}} show it.
 *
 * @param form the form values (process variables that are not run-time bookkeeping)
 * @param progress every approver node in model order with its state: DONE, ACTIVE or WAITING
 */
public record ApprovalDetail(ApprovalSummary summary, Map<String, Object> form, List<OpenTask> openTasks, List<NodeProgress> progress,
        List<TimelineItem> timeline) {

    /** A task still open, with who holds it (and the delegator when delegated). */
    public record OpenTask(String taskId, String nodeId, String nodeName, String assignee, String owner, boolean delegated,
            boolean parallelNode) {}

    public record NodeProgress(String nodeId, String name, String state) {}
}
