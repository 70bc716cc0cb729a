package io.opsflow.approval;

import static io.opsflow.approval.ApprovalFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.ApproverNode.Assignee;
import io.opsflow.approval.model.ApproverNode.Method;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 依次 / 会签 / 或签 / 按比例, approved and rejected, on generated BPMN in the real engine. */
@OpsflowIntegrationTest
class ApprovalMethodsProcessTest {

    @Autowired ApprovalFixtures fx;
    @Autowired RepositoryService repositoryService;

    @Test
    void sequentialGoesOneAfterAnotherAndEndsApproved() {
        String a = fx.user("seq-a"), b = fx.user("seq-b"), starter = fx.user("seq-s");
        String key = fx.deploy(model(List.of(), ApproverNode.of("step1", "Both in turn", Assignee.users(a, b), Method.SEQUENTIAL)));
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).singleResult().getCategory())
                .isEqualTo(ApprovalConventions.CATEGORY);
        String id = fx.start(key, starter, Map.of());
        assertThat(fx.assignees(id)).containsExactly(a);
        fx.approve(id, a);
        assertThat(fx.assignees(id)).containsExactly(b);
        fx.approve(id, b);
        assertThat(fx.ended(id)).isTrue();
        assertThat(fx.result(id)).isEqualTo("approved");
        assertThat(fx.variable(id, "step1_approved")).isEqualTo(2);
        assertThat(fx.passed(id, "approvalApproved")).isTrue();
    }

    @Test
    void sequentialRejectEndsAtOnceRejected() {
        String a = fx.user("seqr-a"), b = fx.user("seqr-b"), starter = fx.user("seqr-s");
        String key = fx.deploy(model(List.of(),
                ApproverNode.of("first", "First", Assignee.users(a, b), Method.SEQUENTIAL),
                ApproverNode.of("second", "Second", Assignee.users(starter), Method.SEQUENTIAL)));
        String id = fx.start(key, starter, Map.of());
        fx.reject(id, a);
        assertThat(fx.ended(id)).isTrue();
        assertThat(fx.result(id)).isEqualTo("rejected");
        assertThat(fx.passed(id, "second")).isFalse();
        assertThat(fx.passed(id, "first_rejected")).isTrue();
    }

    @Test
    void allNeedsEveryoneAndOneRejectEndsTheNode() {
        String a = fx.user("all-a"), b = fx.user("all-b"), c = fx.user("all-c"), starter = fx.user("all-s");
        String key = fx.deploy(model(List.of(), ApproverNode.of("countersign", "会签", Assignee.users(a, b, c), Method.ALL)));
        String approved = fx.start(key, starter, Map.of());
        assertThat(fx.assignees(approved)).containsExactlyInAnyOrder(a, b, c);
        fx.approve(approved, a);
        fx.approve(approved, b);
        assertThat(fx.ended(approved)).isFalse();
        fx.approve(approved, c);
        assertThat(fx.result(approved)).isEqualTo("approved");

        String rejected = fx.start(key, starter, Map.of());
        fx.approve(rejected, a);
        fx.reject(rejected, b);
        assertThat(fx.ended(rejected)).isTrue();
        assertThat(fx.result(rejected)).isEqualTo("rejected");
    }

    @Test
    void anyOneDecidesWithTheFirstVote() {
        String a = fx.user("any-a"), b = fx.user("any-b"), starter = fx.user("any-s");
        String key = fx.deploy(model(List.of(), ApproverNode.of("orSign", "或签", Assignee.users(a, b), Method.ANY)));
        String approved = fx.start(key, starter, Map.of());
        assertThat(fx.assignees(approved)).containsExactlyInAnyOrder(a, b);
        fx.approve(approved, b);
        assertThat(fx.ended(approved)).isTrue();
        assertThat(fx.result(approved)).isEqualTo("approved");

        String rejected = fx.start(key, starter, Map.of());
        fx.reject(rejected, a);
        assertThat(fx.ended(rejected)).isTrue();
        assertThat(fx.result(rejected)).isEqualTo("rejected");
    }

    @Test
    void ratioApprovesAtTheShareAndRejectsWhenItCanNoLongerBeReached() {
        String a = fx.user("ratio-a"), b = fx.user("ratio-b"), c = fx.user("ratio-c"), d = fx.user("ratio-d");
        String starter = fx.user("ratio-s");
        String key = fx.deploy(model(List.of(),
                ApproverNode.of("share", "60%", Assignee.users(a, b, c, d), Method.RATIO).withRatio(60)));
        String approved = fx.start(key, starter, Map.of());
        fx.approve(approved, a);
        fx.reject(approved, b);
        fx.approve(approved, c);
        assertThat(fx.ended(approved)).as("2 of 4 is below 60%").isFalse();
        fx.approve(approved, d);
        assertThat(fx.result(approved)).isEqualTo("approved");

        String rejected = fx.start(key, starter, Map.of());
        fx.reject(rejected, a);
        assertThat(fx.ended(rejected)).isFalse();
        fx.reject(rejected, b);
        assertThat(fx.ended(rejected)).as("2 rejections of 4: 60% is out of reach").isTrue();
        assertThat(fx.result(rejected)).isEqualTo("rejected");
    }

    @Test
    void completingWithoutAnOutcomeIsRefused() {
        String a = fx.user("noout-a"), starter = fx.user("noout-s");
        String key = fx.deploy(model(List.of(), ApproverNode.of("only", "Only", Assignee.users(a), Method.SEQUENTIAL)));
        String id = fx.start(key, starter, Map.of());
        String task = fx.taskOf(id, a).getId();
        assertThatThrownBy(() -> fx.taskService.complete(task)).isInstanceOf(FlowableIllegalArgumentException.class)
                .hasMessageContaining("approvalOutcome");
        assertThat(fx.assignees(id)).containsExactly(a);
    }
}
