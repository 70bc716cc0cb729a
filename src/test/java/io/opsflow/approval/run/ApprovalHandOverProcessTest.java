package io.opsflow.approval.run;

import static io.opsflow.approval.run.ApprovalFixture.CHAIN;
import static io.opsflow.approval.run.ApprovalFixture.PARALLEL;
import static io.opsflow.approval.run.ApprovalFixture.ids;
import static io.opsflow.approval.run.ApprovalFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.approval.run.ApprovalRuntime.AddPosition;
import io.opsflow.approval.timeline.ActionEntry;
import io.opsflow.approval.timeline.ActionKind;
import io.opsflow.approval.timeline.ActionLog;
import io.opsflow.platform.CurrentUser;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.List;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Transfer, delegate, add and remove approvers (in a 会签 node and in a parallel branch), CC. */
@OpsflowIntegrationTest
class ApprovalHandOverProcessTest {

    @Autowired ApprovalRuntime approvals;
    @Autowired ActionLog actionLog;
    @Autowired RepositoryService repositoryService;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;

    ApprovalFixture fx;
    CurrentUser starter;
    CurrentUser lead;
    CurrentUser board1;
    CurrentUser board2;
    CurrentUser fin1;
    CurrentUser other;

    @BeforeEach
    void setUp() {
        fx = new ApprovalFixture(repositoryService, identityService, taskService);
        starter = fx.user("apv-starter");
        lead = fx.user("apv-lead");
        board1 = fx.user("apv-board1");
        board2 = fx.user("apv-board2");
        fin1 = fx.user("apv-fin1");
        other = fx.user("apv-other");
    }

    private String startChain() {
        return approvals.startWithVariables(CHAIN, vars("lead_approvers", ids(lead), "board_approvers", ids(board1, board2),
                "anyone_approvers", ids(fin1)), starter);
    }

    private String atBoard() {
        String pid = startChain();
        approvals.approve(fx.taskOf(pid, lead).getId(), null, lead);
        return pid;
    }

    @Test
    void transferHandsTheTaskOverForGood() {
        String pid = startChain();
        String task = fx.taskOf(pid, lead).getId();
        assertThatThrownBy(() -> approvals.transfer(task, "nobody-" + pid, null, lead)).isInstanceOf(InvalidApprovalInput.class);
        approvals.transfer(task, other.id(), "on holiday", lead);
        assertThatThrownBy(() -> approvals.approve(task, null, lead)).isInstanceOf(NotAllowed.class);
        approvals.approve(task, null, other);
        assertThat(fx.openNodes(pid)).containsExactly("board", "board");
        assertThat(actionLog.of(pid)).filteredOn(e -> e.kind() == ActionKind.TRANSFERRED)
                .extracting(ActionEntry::actor, ActionEntry::target).containsExactly(org.assertj.core.groups.Tuple.tuple(lead.id(), other.id()));
    }

    @Test
    void aDelegatedTaskComesBackToTheDelegatorWhoDecides() {
        String pid = startChain();
        String task = fx.taskOf(pid, lead).getId();
        approvals.delegate(task, other.id(), "please check the numbers", lead);
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(other.id());
        assertThatThrownBy(() -> approvals.approve(task, null, other)).isInstanceOf(ApprovalConflict.class).hasMessageContaining("resolve");
        approvals.resolve(task, "numbers are fine", other);
        Task back = taskService.createTaskQuery().taskId(task).singleResult();
        assertThat(back.getAssignee()).isEqualTo(lead.id());
        assertThatThrownBy(() -> approvals.resolve(task, null, lead)).isInstanceOf(ApprovalConflict.class);
        approvals.approve(task, null, lead);
        assertThat(fx.openNodes(pid)).containsExactly("board", "board");
    }

    @Test
    void addingAnApproverAfterMeInA会签NodeNeedsTheirApprovalToo() {
        String pid = atBoard();
        approvals.addApprovers(fx.taskOf(pid, board1).getId(), List.of(other.id()), AddPosition.AFTER, "legal must see it", board1);
        assertThat(fx.openAssignees(pid, "board")).containsExactlyInAnyOrder(board1.id(), board2.id(), other.id());
        approvals.approve(fx.taskOf(pid, board1).getId(), null, board1);
        approvals.approve(fx.taskOf(pid, board2).getId(), null, board2);
        assertThat(fx.openNodes(pid)).containsExactly("board");
        approvals.approve(fx.taskOf(pid, other).getId(), null, other);
        assertThat(fx.openNodes(pid)).containsExactly("anyone");
    }

    @Test
    void addingAnApproverBeforeMeMakesMeWaitForThem() {
        String pid = atBoard();
        String mine = fx.taskOf(pid, board1).getId();
        approvals.addApprovers(mine, List.of(other.id()), AddPosition.BEFORE, null, board1);
        assertThatThrownBy(() -> approvals.approve(mine, null, board1)).isInstanceOf(ApprovalConflict.class)
                .hasMessageContaining(other.id());
        approvals.approve(fx.taskOf(pid, other).getId(), null, other);
        approvals.approve(mine, null, board1);
        approvals.approve(fx.taskOf(pid, board2).getId(), null, board2);
        assertThat(fx.openNodes(pid)).containsExactly("anyone");
    }

    @Test
    void addingApproversInASequentialNodeOrTwiceIsRefused() {
        String pid = startChain();
        String leadTask = fx.taskOf(pid, lead).getId();
        assertThatThrownBy(() -> approvals.addApprovers(leadTask, List.of(other.id()), AddPosition.AFTER, null, lead))
                .isInstanceOf(ApprovalConflict.class);
        approvals.approve(leadTask, null, lead);
        String mine = fx.taskOf(pid, board1).getId();
        assertThatThrownBy(() -> approvals.addApprovers(mine, List.of(board2.id()), AddPosition.AFTER, null, board1))
                .isInstanceOf(ApprovalConflict.class).hasMessageContaining("already");
        assertThat(fx.openAssignees(pid, "board")).hasSize(2);
    }

    @Test
    void removingAnApproverWhoHasNotActedLetsTheNodeFinishWithoutThem() {
        String pid = atBoard();
        approvals.addApprovers(fx.taskOf(pid, board1).getId(), List.of(other.id()), AddPosition.AFTER, null, board1);
        approvals.removeApprover(fx.taskOf(pid, board1).getId(), other.id(), "not needed after all", board1);
        assertThat(fx.openAssignees(pid, "board")).containsExactlyInAnyOrder(board1.id(), board2.id());
        approvals.approve(fx.taskOf(pid, board1).getId(), null, board1);
        approvals.approve(fx.taskOf(pid, board2).getId(), null, board2);
        assertThat(fx.openNodes(pid)).containsExactly("anyone");
    }

    @Test
    void removingAnApproverWhoAlreadyApprovedIsRefused() {
        String pid = atBoard();
        approvals.approve(fx.taskOf(pid, board2).getId(), null, board2);
        String mine = fx.taskOf(pid, board1).getId();
        assertThatThrownBy(() -> approvals.removeApprover(mine, board2.id(), null, board1)).isInstanceOf(ApprovalConflict.class)
                .hasMessageContaining("already acted");
        assertThatThrownBy(() -> approvals.removeApprover(mine, other.id(), null, board1)).isInstanceOf(ApprovalConflict.class)
                .hasMessageContaining("not an approver");
        assertThat(fx.openAssignees(pid, "board")).containsExactly(board1.id());
    }

    @Test
    void addAndRemoveApproversInA会签NodeInsideAParallelBranch() {
        CurrentUser first = fx.user("apv-first");
        CurrentUser a1 = fx.user("apv-a1");
        CurrentUser a2 = fx.user("apv-a2");
        CurrentUser fin = fx.user("apv-final");
        CurrentUser extra = fx.user("apv-extra");
        String pid = approvals.startWithVariables(PARALLEL, vars("first_approvers", ids(first), "a1_approvers", ids(a1),
                "a2_approvers", ids(a2), "b1_approvers", ids(board1, board2), "final_approvers", ids(fin)), starter);
        approvals.approve(fx.taskOf(pid, first).getId(), null, first);
        approvals.addApprovers(fx.taskOf(pid, board1).getId(), List.of(other.id(), extra.id()), AddPosition.AFTER, null, board1);
        assertThat(fx.openAssignees(pid, "b1")).hasSize(4);
        approvals.removeApprover(fx.taskOf(pid, board1).getId(), extra.id(), null, board1);
        assertThat(fx.openAssignees(pid, "b1")).containsExactlyInAnyOrder(board1.id(), board2.id(), other.id());
        assertThat(fx.openAssignees(pid, "a1")).containsExactly(a1.id());
        for (CurrentUser u : List.of(board1, board2, other, a1, a2)) {
            approvals.approve(fx.taskOf(pid, u).getId(), null, u);
        }
        assertThat(fx.openNodes(pid)).containsExactly("final");
    }

    @Test
    void ccGoesToTheCcInboxAndLetsTheReceiverSeeTheApproval() {
        String pid = startChain();
        assertThatThrownBy(() -> approvals.cc(pid, List.of(board1.id()), null, other)).isInstanceOf(UnknownApproval.class);
        approvals.cc(pid, List.of(other.id()), "fyi", lead);
        assertThat(actionLog.ccTo(other.id(), 10)).extracting(ActionEntry::processInstanceId).containsExactly(pid);
        assertThatThrownBy(() -> approvals.cc(pid, List.of("nobody-" + pid), null, lead)).isInstanceOf(InvalidApprovalInput.class);
    }
}
