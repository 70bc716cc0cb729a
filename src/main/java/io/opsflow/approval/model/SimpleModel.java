package io.opsflow.approval.model;

import java.util.List;

/**
 * A designer's approval (the simple model): its code (the process key is {@code approval-<code>}),
 * name, form and the vertical chain of nodes, as JSON (docs/approvals.md).
 */
public record SimpleModel(String code, String name, String description, ApprovalForm form, List<Node> nodes) {

    public SimpleModel {
        form = form == null ? new ApprovalForm(List.of()) : form;
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
