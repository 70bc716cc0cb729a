package io.opsflow.approval.web.design;

import io.opsflow.approval.model.ApprovalForm;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.FormFieldSpec;
import io.opsflow.approval.model.SimpleModel;
import java.util.List;

/**
 * What "New" starts from: the two fields the /approvals start form sends (title, details) and one
 * approver node, the starter's direct supervisor, so the first draft already validates.
 */
final class StarterModel {

    private StarterModel() {}

    static SimpleModel of(String code, String name) {
        var form = new ApprovalForm(List.of(
                FormFieldSpec.of("title", "Title", "text").asRequired(),
                FormFieldSpec.of("details", "Details", "textarea")));
        var lead = ApproverNode.of("lead", "Supervisor", ApproverNode.Assignee.supervisor(1, false), ApproverNode.Method.SEQUENTIAL);
        return new SimpleModel(code, name, null, form, List.of(lead));
    }
}
