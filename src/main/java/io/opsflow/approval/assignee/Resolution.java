package io.opsflow.approval.assignee;

import java.util.List;

/**
 * Who approves a node for one instance: the approvers (the node's multi-instance collection), the
 * node's result when it decides itself ({@code approved}/{@code rejected}, else {@code open}) and
 * why it did ({@code empty:autoApprove}, {@code starter:autoApprove}, {@code duplicate:autoApprove}, …).
 */
public record Resolution(List<String> approvers, String result, String auto) {

    public Resolution {
        approvers = List.copyOf(approvers);
    }
}
