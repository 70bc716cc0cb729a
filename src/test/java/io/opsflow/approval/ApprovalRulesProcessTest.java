package io.opsflow.approval;

import static io.opsflow.approval.ApprovalFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.approval.assignee.OrgChart;
import io.opsflow.approval.cc.CcRecord;
import io.opsflow.approval.cc.CcRecords;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.ApproverNode.Assignee;
import io.opsflow.approval.model.ApproverNode.EmptyAction;
import io.opsflow.approval.model.ApproverNode.Method;
import io.opsflow.approval.model.ApproverNode.WhenStarter;
import io.opsflow.approval.model.Branch;
import io.opsflow.approval.model.CcNode;
import io.opsflow.approval.model.Condition;
import io.opsflow.approval.model.ConditionNode;
import io.opsflow.approval.model.FormFieldSpec;
import io.opsflow.approval.model.Operator;
import io.opsflow.approval.model.ParallelNode;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.List;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who approves: empty, starter and de-dup rules, supervisors, form fields, the starter's choice; CC, condition and parallel nodes. */
@OpsflowIntegrationTest
class ApprovalRulesProcessTest {

    @Autowired ApprovalFixtures fx;
    @Autowired OrgChart orgChart;
    @Autowired CcRecords ccRecords;
    @Autowired IdentityService identityService;

    @Test
    void emptyApproverRules() {
        String starter = fx.user("empty-s"), fallback = fx.user("empty-f"), after = fx.user("empty-next");
        String emptyGroup = fx.group("empty-g");
        ApproverNode nobody = ApproverNode.of("nobody", "Nobody", Assignee.group(emptyGroup), Method.ALL);
        ApproverNode next = ApproverNode.of("next", "Next", Assignee.users(after), Method.SEQUENTIAL);

        String approve = fx.start(fx.deploy(model(List.of(), nobody.withWhenEmpty(EmptyAction.AUTO_APPROVE, null), next)), starter, Map.of());
        assertThat(fx.assignees(approve)).containsExactly(after);
        assertThat(fx.variable(approve, "nobody_auto")).isEqualTo("empty:autoApprove");

        String reject = fx.start(fx.deploy(model(List.of(), nobody.withWhenEmpty(EmptyAction.AUTO_REJECT, null), next)), starter, Map.of());
        assertThat(fx.ended(reject)).isTrue();
        assertThat(fx.result(reject)).isEqualTo("rejected");

        String toUser = fx.start(fx.deploy(model(List.of(), nobody.withWhenEmpty(EmptyAction.TO_USER, fallback), next)), starter, Map.of());
        assertThat(fx.assignees(toUser)).containsExactly(fallback);

        String toAdmins = fx.start(fx.deploy(model(List.of(), nobody.withWhenEmpty(EmptyAction.TO_ADMINS, null), next)), starter, Map.of());
        List<String> admins = identityService.createUserQuery().memberOfGroup("admin").list().stream().map(User::getId).sorted().toList();
        assertThat(admins).isNotEmpty();
        assertThat(fx.assignees(toAdmins)).containsExactlyElementsOf(admins);
    }

    @Test
    void starterIsApproverRules() {
        String starter = fx.user("self-s"), other = fx.user("self-o"), boss = fx.user("self-boss");
        orgChart.set(starter, boss, "test");
        ApproverNode node = ApproverNode.of("check", "Check", Assignee.users(starter, other), Method.ALL);

        String self = fx.start(fx.deploy(model(List.of(), node)), starter, Map.of());
        assertThat(fx.assignees(self)).containsExactlyInAnyOrder(starter, other);

        String auto = fx.start(fx.deploy(model(List.of(), node.withWhenStarter(WhenStarter.AUTO_APPROVE))), starter, Map.of());
        assertThat(fx.assignees(auto)).containsExactly(other);

        String any = fx.start(fx.deploy(model(List.of(),
                ApproverNode.of("orSign", "Or", Assignee.users(starter, other), Method.ANY).withWhenStarter(WhenStarter.AUTO_APPROVE))),
                starter, Map.of());
        assertThat(fx.ended(any)).isTrue();
        assertThat(fx.result(any)).isEqualTo("approved");

        String up = fx.start(fx.deploy(model(List.of(), node.withWhenStarter(WhenStarter.TO_SUPERVISOR))), starter, Map.of());
        assertThat(fx.assignees(up)).containsExactlyInAnyOrder(boss, other);
    }

    @Test
    void whoApprovedEarlierIsNotAskedAgain() {
        String a = fx.user("dup-a"), b = fx.user("dup-b"), starter = fx.user("dup-s");
        String key = fx.deploy(model(List.of(),
                ApproverNode.of("first", "First", Assignee.users(a), Method.SEQUENTIAL),
                ApproverNode.of("second", "Second", Assignee.users(a, b), Method.ALL).withSkipIfApprovedBefore(true),
                ApproverNode.of("third", "Third", Assignee.users(a), Method.SEQUENTIAL).withSkipIfApprovedBefore(true)));
        String id = fx.start(key, starter, Map.of());
        fx.approve(id, a);
        assertThat(fx.assignees(id)).containsExactly(b);
        fx.approve(id, b);
        assertThat(fx.ended(id)).isTrue();
        assertThat(fx.variable(id, "third_auto")).isEqualTo("duplicate:autoApprove");
        assertThat(fx.result(id)).isEqualTo("approved");
    }

    @Test
    void supervisorsFormFieldAndStarterChoice() {
        String starter = fx.user("org-s"), lead = fx.user("org-lead"), head = fx.user("org-head"), picked = fx.user("org-pick");
        orgChart.set(starter, lead, "test");
        orgChart.set(lead, head, "test");
        var reviewer = FormFieldSpec.of("reviewer", "Reviewer", "user");
        String key = fx.deploy(model(List.of(reviewer),
                ApproverNode.of("second", "Second level", Assignee.supervisor(2, false), Method.SEQUENTIAL),
                ApproverNode.of("chain", "Both levels", Assignee.supervisor(2, true), Method.SEQUENTIAL),
                ApproverNode.of("byField", "Reviewer", Assignee.formField("reviewer"), Method.SEQUENTIAL),
                ApproverNode.of("chosen", "Chosen", Assignee.starterChooses(), Method.ANY)));
        String id = fx.start(key, starter, Map.of("reviewer", picked, "chosen_chosen", List.of(lead)));
        assertThat(fx.assignees(id)).containsExactly(head);
        fx.approve(id, head);
        assertThat(fx.assignees(id)).containsExactly(lead);
        fx.approve(id, lead);
        assertThat(fx.assignees(id)).containsExactly(head);
        fx.approve(id, head);
        assertThat(fx.assignees(id)).containsExactly(picked);
        fx.approve(id, picked);
        assertThat(fx.assignees(id)).containsExactly(lead);
        fx.approve(id, lead);
        assertThat(fx.result(id)).isEqualTo("approved");
    }

    @Test
    void conditionBranchesChooseByFormFieldsWithADefault() {
        String starter = fx.user("cond-s"), big = fx.user("cond-big"), small = fx.user("cond-small"), hr = fx.user("cond-hr");
        var amount = FormFieldSpec.of("amount", "Amount", "number");
        var kind = FormFieldSpec.of("kind", "Kind", "text");
        var condition = new ConditionNode("byAmount", "By amount", List.of(
                new Branch("big", List.of(new Condition("amount", Operator.GT, "1000")),
                        List.of(ApproverNode.of("bigApproval", "Big", Assignee.users(big), Method.SEQUENTIAL))),
                new Branch("quoted", List.of(new Condition("kind", Operator.EQ, "it's \"odd\" ${1+1} \\")),
                        List.of(ApproverNode.of("oddApproval", "Odd", Assignee.users(hr), Method.SEQUENTIAL)))),
                new Branch("otherwise", List.of(), List.of(ApproverNode.of("smallApproval", "Small", Assignee.users(small), Method.SEQUENTIAL))));
        String key = fx.deploy(model(List.of(amount, kind), condition));

        String large = fx.start(key, starter, Map.of("amount", 5000L));
        assertThat(fx.assignees(large)).containsExactly(big);
        String odd = fx.start(key, starter, Map.of("amount", 10L, "kind", "it's \"odd\" ${1+1} \\"));
        assertThat(fx.assignees(odd)).containsExactly(hr);
        String missing = fx.start(key, starter, Map.of());
        assertThat(fx.assignees(missing)).as("a missing optional field takes the default branch").containsExactly(small);
        fx.approve(missing, small);
        assertThat(fx.result(missing)).isEqualTo("approved");
    }

    @Test
    void parallelBranchesAllRunAndJoinAndCcNodesRecord() {
        String starter = fx.user("par-s"), a = fx.user("par-a"), b = fx.user("par-b"), watcher = fx.user("par-cc");
        String ccGroup = fx.group("par-ccg");
        String member = fx.user("par-member");
        fx.join(member, ccGroup);
        var parallel = new ParallelNode("both", "Both teams", List.of(
                new Branch("A", List.of(), List.of(ApproverNode.of("teamA", "Team A", Assignee.users(a), Method.SEQUENTIAL))),
                new Branch("B", List.of(), List.of(ApproverNode.of("teamB", "Team B", Assignee.users(b), Method.SEQUENTIAL),
                        new CcNode("ccB", "CC", List.of(watcher), List.of(ccGroup), null)))));
        String key = fx.deploy(model(List.of(), parallel));
        String id = fx.start(key, starter, Map.of());
        assertThat(fx.assignees(id)).containsExactlyInAnyOrder(a, b);
        fx.approve(id, b);
        assertThat(ccRecords.forInstance(id)).extracting(CcRecord::userId).containsExactlyInAnyOrder(watcher, member);
        assertThat(ccRecords.forUser(watcher, 0, 10)).extracting(CcRecord::processInstanceId).contains(id);
        assertThat(fx.ended(id)).isFalse();
        fx.approve(id, a);
        assertThat(fx.result(id)).isEqualTo("approved");

        String rejected = fx.start(key, starter, Map.of());
        fx.reject(rejected, a);
        assertThat(fx.ended(rejected)).as("a rejection in one branch ends the whole approval").isTrue();
        assertThat(fx.result(rejected)).isEqualTo("rejected");
    }
}
