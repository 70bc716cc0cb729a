package io.opsflow.approval.run;

import static io.opsflow.approval.run.ApprovalFixture.CHAIN;
import static io.opsflow.approval.run.ApprovalFixture.ids;
import static io.opsflow.approval.run.ApprovalFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.approval.timeline.ActionEntry;
import io.opsflow.approval.timeline.ActionKind;
import io.opsflow.approval.timeline.ActionLog;
import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.Groups;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Withdraw, cancel and urge rules, and two approvers acting at once on an 或签 node. */
@OpsflowIntegrationTest
class ApprovalStarterRulesProcessTest {

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
        return approvals.startWithVariables(CHAIN, vars("lead_approvers", ids(lead), "board_approvers", ids(board1, board2),
                "anyone_approvers", ids(fin1, fin2)), starter);
    }

    @Test
    void theLastApproverWithdrawsWhileTheNextHasNotActed() {
        String pid = startChain();
        assertThatThrownBy(() -> approvals.withdraw(pid, null, lead)).isInstanceOf(ApprovalConflict.class);
        approvals.approve(fx.taskOf(pid, lead).getId(), null, lead);
        approvals.withdraw(pid, "forgot an attachment", lead);
        assertThat(fx.openNodes(pid)).containsExactly("lead");
        approvals.approve(fx.taskOf(pid, lead).getId(), null, lead);
        assertThat(fx.openAssignees(pid, "board")).containsExactlyInAnyOrder(board1.id(), board2.id());
    }

    @Test
    void withdrawAfterTheNextApproverActedIsRefusedAndChangesNothing() {
        String pid = startChain();
        approvals.approve(fx.taskOf(pid, lead).getId(), null, lead);
        approvals.approve(fx.taskOf(pid, board1).getId(), null, board1);
        assertThatThrownBy(() -> approvals.withdraw(pid, null, lead)).isInstanceOf(ApprovalConflict.class)
                .hasMessageContaining("already acted");
        assertThat(fx.openAssignees(pid, "board")).containsExactly(board2.id());
        // board1 cannot withdraw either: the 会签 node still waits for board2.
        assertThatThrownBy(() -> approvals.withdraw(pid, null, board1)).isInstanceOf(ApprovalConflict.class);
    }

    @Test
    void theStarterOrAnAdminCancelsARunningApprovalOthersCannot() {
        String pid = startChain();
        assertThatThrownBy(() -> approvals.cancel(pid, null, lead)).isInstanceOf(NotAllowed.class);
        approvals.cancel(pid, "not needed", starter);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pid).includeProcessVariables().singleResult()
                .getProcessVariables()).containsEntry("approvalResult", "cancelled");
        assertThatThrownBy(() -> approvals.cancel(pid, null, starter)).isInstanceOf(ApprovalConflict.class);

        String second = startChain();
        CurrentUser admin = new CurrentUser(fx.user("apv-admin").id(), List.of(Groups.ADMIN));
        approvals.cancel(second, "cleanup", admin);
        assertThat(taskService.createTaskQuery().processInstanceId(second).count()).isZero();
    }

    @Test
    void urgeIsForTheStarterAndRateLimitedPerTask() {
        String pid = startChain();
        assertThatThrownBy(() -> approvals.urge(pid, null, lead)).isInstanceOf(NotAllowed.class);
        assertThat(approvals.urge(pid, "please", starter)).containsExactly(lead.id());
        assertThatThrownBy(() -> approvals.urge(pid, null, starter)).isInstanceOf(UrgedTooSoon.class)
                .satisfies(e -> assertThat(((UrgedTooSoon) e).retryAfter()).isPositive());
        assertThat(actionLog.of(pid)).filteredOn(e -> e.kind() == ActionKind.URGED).extracting(ActionEntry::target).containsExactly(lead.id());
        // A new task (the next node) may be urged at once.
        approvals.approve(fx.taskOf(pid, lead).getId(), null, lead);
        assertThat(approvals.urge(pid, null, starter)).containsExactlyInAnyOrder(board1.id(), board2.id());
    }

    @Test
    void twoApproversActingAtOnceOnAnAnyOneNodeHaveExactlyOneEffect() throws Exception {
        String pid = startChain();
        approvals.approve(fx.taskOf(pid, lead).getId(), null, lead);
        approvals.approve(fx.taskOf(pid, board1).getId(), null, board1);
        approvals.approve(fx.taskOf(pid, board2).getId(), null, board2);
        String t1 = fx.taskOf(pid, fin1).getId();
        String t2 = fx.taskOf(pid, fin2).getId();

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (var pair : List.of(List.of(t1, fin1), List.of(t2, fin2))) {
                runs.add(pool.submit(() -> {
                    go.await();
                    try {
                        approvals.approve((String) pair.get(0), "ok", (CurrentUser) pair.get(1));
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).hasSize(1);
        // The loser lost a race: the engine's optimistic lock, the task gone (409 from run time) or the
        // database aborting it as a deadlock (40001/40P01; the platform answers all three with 409).
        assertThat(lostARace(failures.get(0))).as("lost a race: %s", failures.get(0)).isTrue();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndTime()).isNotNull();
        assertThat(actionLog.of(pid)).filteredOn(e -> e.kind() == ActionKind.APPROVED && "anyone".equals(e.nodeId())).hasSize(1);
        assertThat(actionLog.of(pid)).filteredOn(e -> e.kind() == ActionKind.FINISHED).hasSize(1);
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FlowableOptimisticLockingException || t instanceof ApprovalConflict
                    || (t instanceof java.sql.SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theStartFormMayNotSetApproversOrResults() {
        assertThatThrownBy(() -> approvals.start(CHAIN, vars("lead_approvers", "me"), starter)).isInstanceOf(InvalidApprovalInput.class);
        assertThatThrownBy(() -> approvals.start(CHAIN, vars("approvalResult", "approved"), starter)).isInstanceOf(InvalidApprovalInput.class);
        assertThatThrownBy(() -> approvals.start(CHAIN, vars("x", List.of(1)), starter)).isInstanceOf(InvalidApprovalInput.class);
        assertThatThrownBy(() -> approvals.start("service-request", vars(), starter)).isInstanceOf(UnknownApproval.class);
    }
}
