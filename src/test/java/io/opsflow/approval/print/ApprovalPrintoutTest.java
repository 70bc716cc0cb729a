package io.opsflow.approval.print;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.approval.model.ApprovalForm;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.Branch;
import io.opsflow.approval.model.FormFieldSpec;
import io.opsflow.approval.model.ParallelNode;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.approval.run.ApprovalDetail;
import io.opsflow.approval.run.ApprovalSummary;
import io.opsflow.approval.timeline.TimelineItem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the approval PDF shows: labels, confidential fields, signature blocks. */
class ApprovalPrintoutTest {

    private static final Instant T = Instant.parse("2026-12-03T09:00:00Z");

    private final ApproverNode lead = ApproverNode.of("lead", "部门经理", ApproverNode.Assignee.users("sam"), ApproverNode.Method.SEQUENTIAL);
    private final ApproverNode hr = new ApproverNode("hr", "HR", ApproverNode.Assignee.users("hana"), ApproverNode.Method.SEQUENTIAL,
            null, null, null, false, null, false, Map.of("salary", ApproverNode.Permission.HIDDEN, "type", ApproverNode.Permission.READ));
    private final SimpleModel model = new SimpleModel("leave", "Leave", null, new ApprovalForm(List.of(
            FormFieldSpec.of("type", "类型", "select").withOptions(List.of(new FormFieldSpec.Option("annual", "年假"))),
            FormFieldSpec.of("salary", "工资", "number"))),
            List.of(lead, new ParallelNode("p", "p", List.of(new Branch("b", null, List.of(hr))))));

    private static Map<String, Object> form() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("salary", 12000);
        form.put("type", "annual");
        form.put("note", "extra");
        return form;
    }

    @Test
    void labelsAndOptionLabelsComeFromTheModelAndAFieldHiddenInANestedNodeIsOnlyForStarterAndAdmins() {
        assertThat(ApprovalPrintout.fields(form(), model, false))
                .containsExactly(new ApprovalPrintout.Field("类型", "年假"), new ApprovalPrintout.Field("note", "extra"));
        assertThat(ApprovalPrintout.fields(form(), model, true))
                .containsExactly(new ApprovalPrintout.Field("类型", "年假"), new ApprovalPrintout.Field("工资", "12000"),
                        new ApprovalPrintout.Field("note", "extra"));
        assertThat(ApprovalPrintout.fields(form(), null, false)).extracting(ApprovalPrintout.Field::label)
                .containsExactly("salary", "type", "note");
    }

    @Test
    void everyApproverNodeGetsASignatureBlockWithDecisionsPendingApproversOrNotReached() {
        var summary = new ApprovalSummary("pi", "Leave", "approval-leave", "lily", T, null, "RUNNING", null, null, null);
        var detail = new ApprovalDetail(summary, form(),
                List.of(new ApprovalDetail.OpenTask("t2", "hr", "HR", "hana", null, false, false)),
                List.of(new ApprovalDetail.NodeProgress("lead", "部门经理", "DONE"), new ApprovalDetail.NodeProgress("hr", "HR", "ACTIVE"),
                        new ApprovalDetail.NodeProgress("ceo", "CEO", "WAITING")),
                List.of(new TimelineItem(T, "STARTED", "lily", null, null, null, null, null, null),
                        new TimelineItem(T.plusSeconds(60), "APPROVED", "sam", "lead", "部门经理", null, null, "同意", null)));

        var printout = ApprovalPrintout.of(detail, model, true, id -> "User " + id);

        assertThat(printout.signatures()).extracting(ApprovalPrintout.Signature::node).containsExactly("部门经理", "HR", "CEO");
        assertThat(printout.signatures().get(0).signs())
                .containsExactly(new ApprovalPrintout.Sign("User sam", "approved", T.plusSeconds(60), "同意"));
        assertThat(printout.signatures().get(1).signs()).containsExactly(new ApprovalPrintout.Sign("User hana", "pending", null, null));
        assertThat(printout.signatures().get(2).signs()).extracting(ApprovalPrintout.Sign::decision).containsExactly("not reached");
        assertThat(printout.status()).isEqualTo("running");
        assertThat(printout.starter()).isEqualTo("User lily");
        assertThat(printout.timeline()).extracting(ApprovalPrintout.Line::action).containsExactly("started", "approved");
    }
}
