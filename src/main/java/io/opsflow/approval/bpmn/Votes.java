package io.opsflow.approval.bpmn;

import static io.opsflow.approval.ApprovalConventions.APPROVED;
import static io.opsflow.approval.ApprovalConventions.OPEN;
import static io.opsflow.approval.ApprovalConventions.REJECTED;

import io.opsflow.approval.model.ApproverNode.Method;

/** How votes decide a node: 依次/会签 need everyone, 或签 the first vote, 按比例 a share of approvals. */
public final class Votes {

    private Votes() {}

    /** {@code approved}, {@code rejected} or {@code open} for {@code total} approvers so far voting as given. */
    public static String decide(Method method, Integer ratio, int total, int approved, int rejected) {
        return switch (method) {
            case SEQUENTIAL, ALL -> rejected > 0 ? REJECTED : approved >= total ? APPROVED : OPEN;
            case ANY -> rejected > 0 ? REJECTED : approved > 0 ? APPROVED : OPEN;
            case RATIO -> approved * 100L >= (long) ratio * total ? APPROVED
                    : rejected * 100L > (100L - ratio) * total ? REJECTED : OPEN;
        };
    }
}
