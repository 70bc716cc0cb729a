package io.opsflow.approval.run;

import static io.opsflow.approval.run.ApprovalFixture.CHAIN;
import static io.opsflow.approval.run.ApprovalFixture.PARALLEL;
import static io.opsflow.approval.run.ApprovalFixture.ids;
import static io.opsflow.approval.run.ApprovalFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.approval.timeline.ActionEntry;
import io.opsflow.approval.timeline.ActionKind;
import io.opsflow.approval.timeline.ActionLog;
import io.opsflow.platform.CurrentUser;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.List;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every approval operation on the contract-following fixtures: a chain (依次, 会签, 或签) and parallel
 * branches with a 会签 node in one branch. State conflicts are refused with nothing changed.
 */
@OpsflowIntegrationTest
class ApprovalOperationsProcessTest {

    @Autowired ApprovalRuntime approvals;
    @Autowired ActionLog actionLog;
    @Autowired RepositoryService repositoryService;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;

    ApprovalFixture fx;
    CurrentUser starter;
    CurrentUser lead;
    CurrentUser board1;
    CurrentUser board2;
    CurrentUser fin1;
    CurrentUser fin2;

    @BeforeEach
    void setUp() {
        fx = new ApprovalFixture(repositoryService, identityService, taskService);
        starter = fx.user("apv-starter");
        lead = fx.user("apv-lead");
        board1 = fx.user("apv-board1");
        board2 = fx.user("apv-board2");
        fin1 = fx.user("apv-fin1");
        fin2 = fx.user("apv-fin2");
    }

    private String startChain() {
        return approvals.startWithVariables(CHAIN, vars("amount", 120, "lead_approvers", ids(lead), "board_approvers", ids(board1, board2),
                "anyone_approvers", ids(fin1, fin2)), starter);
    }

    private HistoricProcessInstance historic(String pid) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(pid).includeProcessVariables().singleResult();
    }

    private List<ActionKind> kinds(String pid) {
        return actionLog.of(pid).stream().map(ActionEntry::kind).filter(k -> k != ActionKind.TASK_CREATED).toList();
    }

    @Test
    void approvingEveryNodeFinishesTheApprovalAsApproved() {
        String pid = startChain();
        assertThat(fx.openNodes(pid)).containsExactly("lead");
        approvals.approve(fx.taskOf(pid, lead).getId(), "ok", lead);
        assertThat(fx.openAssignees(pid, "board")).containsExactlyInAnyOrder(board1.id(), board2.id());
        approvals.approve(fx.taskOf(pid, board1).getId(), null, board1);
        assertThat(fx.openNodes(pid)).containsExactly("board");
        approvals.approve(fx.taskOf(pid, board2).getId(), null, board2);
        assertThat(fx.openAssignees(pid, "anyone")).containsExactlyInAnyOrder(fin1.id(), fin2.id());
        approvals.approve(fx.taskOf(pid, fin2).getId(), "paid", fin2);

        HistoricProcessInstance done = historic(pid);
        assertThat(done.getEndTime()).isNotNull();
        assertThat(kinds(pid)).containsExactly(ActionKind.STARTED, ActionKind.APPROVED, ActionKind.APPROVED, ActionKind.APPROVED,
                ActionKind.APPROVED, ActionKind.FINISHED);
        assertThat(actionLog.of(pid)).filteredOn(e -> e.kind() == ActionKind.FINISHED).extracting(ActionEntry::detail).containsExactly("approved");
    }

    @Test
    void aNodeThatRequiresACommentRefusesADecisionWithout() {
        String pid = startChain();
        approvals.approve(fx.taskOf(pid, lead).getId(), null, lead);
        approvals.approve(fx.taskOf(pid, board1).getId(), null, board1);
        approvals.approve(fx.taskOf(pid, board2).getId(), null, board2);
        String task = fx.taskOf(pid, fin1).getId();
        assertThatThrownBy(() -> approvals.approve(task, " ", fin1)).isInstanceOf(InvalidApprovalInput.class).hasMessageContaining("comment");
        assertThat(fx.openNodes(pid)).containsExactly("anyone", "anyone");
    }

    @Test
    void rejectEndsTheApprovalAsRejected() {
        String pid = startChain();
        approvals.approve(fx.taskOf(pid, lead).getId(), null, lead);
        String task = fx.taskOf(pid, board1).getId();
        assertThatThrownBy(() -> approvals.reject(task, null, "", board1)).isInstanceOf(InvalidApprovalInput.class);
        approvals.reject(task, null, "too expensive", board1);

        HistoricProcessInstance done = historic(pid);
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getProcessVariables()).containsEntry("approvalResult", "rejected");
        assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).isZero();
        assertThat(kinds(pid)).endsWith(ActionKind.REJECTED, ActionKind.FINISHED);
    }

    @Test
    void returnFromA会签NodeResetsTheWholeNodeAndRunsTheTargetAgain() {
        String pid = startChain();
        approvals.approve(fx.taskOf(pid, lead).getId(), null, lead);
        approvals.approve(fx.taskOf(pid, board1).getId(), null, board1);
        approvals.returnTo(fx.taskOf(pid, board2).getId(), "lead", "add the quote", board2);

        assertThat(fx.openNodes(pid)).containsExactly("lead");
        approvals.approve(fx.taskOf(pid, lead).getId(), "quote added", lead);
        // The 会签 node starts over: both board members decide again.
        assertThat(fx.openAssignees(pid, "board")).containsExactlyInAnyOrder(board1.id(), board2.id());
        approvals.approve(fx.taskOf(pid, board1).getId(), null, board1);
        approvals.approve(fx.taskOf(pid, board2).getId(), null, board2);
        assertThat(fx.openNodes(pid)).containsExactly("anyone", "anyone");
        assertThat(actionLog.of(pid)).filteredOn(e -> e.kind() == ActionKind.RETURNED)
                .extracting(ActionEntry::target, ActionEntry::comment).containsExactly(org.assertj.core.groups.Tuple.tuple("lead", "add the quote"));
    }

    @Test
    void returnToTheStarterLetsThemReviseAndResubmit() {
        String pid = startChain();
        approvals.approve(fx.taskOf(pid, lead).getId(), null, lead);
        approvals.returnTo(fx.taskOf(pid, board1).getId(), "starter", "amount is wrong", board1);
        assertThat(fx.openNodes(pid)).containsExactly("starter");
        String starterTask = fx.taskOf(pid, starter).getId();
        assertThatThrownBy(() -> approvals.approve(starterTask, null, starter)).isInstanceOf(ApprovalConflict.class);
        assertThatThrownBy(() -> approvals.resubmit(starterTask, vars("lead_approvers", List.of("me")), null, starter))
                .isInstanceOf(InvalidApprovalInput.class);

        approvals.resubmit(starterTask, vars("amount", 95), "fixed", starter);
        assertThat(runtimeService.getVariable(pid, "amount")).isEqualTo(95);
        assertThat(fx.openNodes(pid)).containsExactly("lead");
    }

    @Test
    void returnToANodeNotPassedOrLaterIsRefusedAndChangesNothing() {
        String pid = startChain();
        approvals.approve(fx.taskOf(pid, lead).getId(), null, lead);
        String task = fx.taskOf(pid, board1).getId();
        assertThatThrownBy(() -> approvals.returnTo(task, "anyone", "x", board1)).isInstanceOf(ApprovalConflict.class)
                .hasMessageContaining("before");
        assertThatThrownBy(() -> approvals.returnTo(task, "board", "x", board1)).isInstanceOf(ApprovalConflict.class);
        assertThatThrownBy(() -> approvals.returnTo(task, "nope", "x", board1)).isInstanceOf(ApprovalConflict.class);
        assertThat(fx.openAssignees(pid, "board")).containsExactlyInAnyOrder(board1.id(), board2.id());
        assertThat(kinds(pid)).doesNotContain(ActionKind.RETURNED);
        assertThat(approvals.returnTargets(task, board1)).extracting(ApprovalRuntime.ReturnTarget::nodeId).containsExactly("starter", "lead");
    }

    @Test
    void actingOnSomeoneElsesTaskIsForbiddenAndStrangersSeeNothing() {
        String pid = startChain();
        String task = fx.taskOf(pid, lead).getId();
        assertThatThrownBy(() -> approvals.approve(task, null, starter)).isInstanceOf(NotAllowed.class);
        CurrentUser stranger = fx.user("apv-stranger");
        assertThatThrownBy(() -> approvals.approve(task, null, stranger)).isInstanceOf(UnknownApproval.class);
        assertThatThrownBy(() -> approvals.cancel(pid, null, stranger)).isInstanceOf(UnknownApproval.class);
        approvals.approve(task, null, lead);
        assertThatThrownBy(() -> approvals.approve(task, null, lead)).isInstanceOf(ApprovalConflict.class)
                .hasMessageContaining("no longer open");
    }

    // ------------------------------------------------------------ parallel branches

    private String startParallel(CurrentUser first, CurrentUser a1, CurrentUser a2, List<String> b1, CurrentUser fin) {
        return approvals.startWithVariables(PARALLEL, vars("first_approvers", ids(first), "a1_approvers", ids(a1), "a2_approvers", ids(a2),
                "b1_approvers", b1, "final_approvers", ids(fin)), starter);
    }

    @Test
    void returnInsideABranchKeepsTheSiblingBranchRunning() {
        CurrentUser first = fx.user("apv-first");
        CurrentUser a1 = fx.user("apv-a1");
        CurrentUser a2 = fx.user("apv-a2");
        CurrentUser fin = fx.user("apv-final");
        String pid = startParallel(first, a1, a2, ids(board1, board2), fin);
        approvals.approve(fx.taskOf(pid, first).getId(), null, first);
        approvals.approve(fx.taskOf(pid, a1).getId(), null, a1);
        approvals.approve(fx.taskOf(pid, board1).getId(), null, board1);
        String b2Task = fx.taskOf(pid, board2).getId();

        approvals.returnTo(fx.taskOf(pid, a2).getId(), "a1", "redo", a2);

        assertThat(fx.openNodes(pid)).containsExactlyInAnyOrder("a1", "b1");
        assertThat(fx.taskOf(pid, board2).getId()).isEqualTo(b2Task);
        approvals.approve(b2Task, null, board2);
        approvals.approve(fx.taskOf(pid, a1).getId(), null, a1);
        approvals.approve(fx.taskOf(pid, a2).getId(), null, a2);
        assertThat(fx.openNodes(pid)).containsExactly("final");
    }

    @Test
    void returnFromA会签NodeInABranchToBeforeTheForkWithdrawsBothBranches() {
        CurrentUser first = fx.user("apv-first");
        CurrentUser a1 = fx.user("apv-a1");
        CurrentUser a2 = fx.user("apv-a2");
        CurrentUser fin = fx.user("apv-final");
        String pid = startParallel(first, a1, a2, ids(board1, board2), fin);
        approvals.approve(fx.taskOf(pid, first).getId(), null, first);
        approvals.approve(fx.taskOf(pid, a1).getId(), null, a1);

        approvals.returnTo(fx.taskOf(pid, board1).getId(), "first", "wrong department", board1);

        assertThat(fx.openNodes(pid)).containsExactly("first");
        assertThat(runtimeService.createExecutionQuery().processInstanceId(pid).onlyChildExecutions().list())
                .extracting(org.flowable.engine.runtime.Execution::getActivityId).containsOnly("first");
        approvals.approve(fx.taskOf(pid, first).getId(), null, first);
        assertThat(fx.openNodes(pid)).containsExactlyInAnyOrder("a1", "b1", "b1");
        approvals.approve(fx.taskOf(pid, a1).getId(), null, a1);
        approvals.approve(fx.taskOf(pid, a2).getId(), null, a2);
        approvals.approve(fx.taskOf(pid, board1).getId(), null, board1);
        approvals.approve(fx.taskOf(pid, board2).getId(), null, board2);
        assertThat(fx.openNodes(pid)).containsExactly("final");
    }

    @Test
    void returnFromAfterTheJoinIntoOneBranchRedoesOnlyThatBranch() {
        CurrentUser first = fx.user("apv-first");
        CurrentUser a1 = fx.user("apv-a1");
        CurrentUser a2 = fx.user("apv-a2");
        CurrentUser fin = fx.user("apv-final");
        String pid = startParallel(first, a1, a2, ids(board1, board2), fin);
        approvals.approve(fx.taskOf(pid, first).getId(), null, first);
        approvals.approve(fx.taskOf(pid, a1).getId(), null, a1);
        approvals.approve(fx.taskOf(pid, a2).getId(), null, a2);
        approvals.approve(fx.taskOf(pid, board1).getId(), null, board1);
        approvals.approve(fx.taskOf(pid, board2).getId(), null, board2);

        ReturnPlan plan = approvals.returnTo(fx.taskOf(pid, fin).getId(), "a2", "check the figures", fin);

        assertThat(plan.joinTokens()).containsExactly("join");
        assertThat(fx.openNodes(pid)).containsExactly("a2");
        approvals.approve(fx.taskOf(pid, a2).getId(), null, a2);
        // Branch B is not asked again: the join continues at once.
        assertThat(fx.openNodes(pid)).containsExactly("final");
        approvals.approve(fx.taskOf(pid, fin).getId(), null, fin);
        assertThat(historic(pid).getEndTime()).isNotNull();
    }
}
