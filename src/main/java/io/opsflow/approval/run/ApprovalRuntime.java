package io.opsflow.approval.run;

import static io.opsflow.approval.run.ApprovalDefinitions.ACTOR;
import static io.opsflow.approval.run.ApprovalDefinitions.OUTCOME;
import static io.opsflow.approval.run.ApprovalDefinitions.RESULT;
import static io.opsflow.approval.run.ApprovalDefinitions.STARTER;
import static io.opsflow.approval.run.ApprovalDefinitions.STARTER_NODE;
import static io.opsflow.approval.run.ApprovalDefinitions.WAITING_FOR;

import io.opsflow.approval.cc.CcRecords;
import io.opsflow.approval.notify.ApprovalNotifications;
import io.opsflow.approval.timeline.ActionEntry;
import io.opsflow.approval.timeline.ActionKind;
import io.opsflow.approval.timeline.ActionLog;
import io.opsflow.platform.CurrentUser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ChangeActivityStateBuilder;
import org.flowable.engine.runtime.Execution;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.DelegationState;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every run-time operation on an approval: start, approve, reject, return (退回), transfer (转办),
 * delegate (委派) and its resolve, add (加签) / remove (减签) approvers in a parallel node, CC (抄送),
 * withdraw (撤回), cancel (撤销), urge (催办) and resubmit after a return to the starter. Each checks who
 * may do it and whether the state allows it (409 {@link ApprovalConflict} otherwise, before anything is
 * changed), records who, when and why in the action log and notifies the people concerned — all in one
 * transaction with the engine's changes.
 */
@Service
public class ApprovalRuntime {

    public enum AddPosition { BEFORE, AFTER }

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final ApprovalAccess access;
    private final ActionLog log;
    private final ApprovalNotifications notifications;
    private final UrgeLimit urgeLimit;
    private final CcRecords ccRecords;
    private final java.time.Clock clock;
    private final ResubmitForm resubmitForm;

    ApprovalRuntime(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
            RepositoryService repositoryService, IdentityService identityService, ApprovalAccess access, ActionLog log,
            ApprovalNotifications notifications, UrgeLimit urgeLimit, CcRecords ccRecords, java.time.Clock clock,
            ResubmitForm resubmitForm) {
        this.resubmitForm = resubmitForm;
        this.ccRecords = ccRecords;
        this.clock = clock;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.access = access;
        this.log = log;
        this.notifications = notifications;
        this.urgeLimit = urgeLimit;
    }

    // ---------------------------------------------------------------- start / resubmit

    /** Starts the latest version of an approval with the starter's form values; returns the process instance id. */
    @Transactional
    public String start(String definitionKey, Map<String, ?> form, CurrentUser user) {
        return startWithVariables(definitionKey, FormVariables.check(form), user);
    }

    /** Start with variables the caller vouches for (tests set {@code <node>_approvers} this way). */
    @Transactional
    public String startWithVariables(String definitionKey, Map<String, Object> variables, CurrentUser user) {
        ProcessDefinition definition = definitionKey == null ? null
                : repositoryService.createProcessDefinitionQuery().processDefinitionKey(definitionKey).latestVersion().singleResult();
        if (!ApprovalDefinitions.isApproval(definition)) {
            throw new UnknownApproval("There is no approval " + definitionKey + ".");
        }
        if (definition.isSuspended()) {
            throw new ApprovalConflict("This approval is suspended and cannot be started now.");
        }
        Map<String, Object> all = new LinkedHashMap<>(variables);
        all.put(STARTER, user.id());
        ProcessInstance instance = as(user, () -> runtimeService.createProcessInstanceBuilder()
                .processDefinitionId(definition.getId())
                .name(ApprovalDefinitions.nameOf(definition))
                .variables(all)
                .start());
        log.record(instance.getId(), null, null, ActionKind.STARTED, user.id(), null, null, null);
        Task starterTask = starterTask(instance.getId(), user.id());
        if (starterTask != null) {
            taskService.setVariableLocal(starterTask.getId(), OUTCOME, "submitted");
            taskService.setVariableLocal(starterTask.getId(), ACTOR, user.id());
            as(user, () -> {
                taskService.complete(starterTask.getId());
                return null;
            });
        }
        return instance.getId();
    }

    /**
     * After a return to the starter: the starter changes the form and sends it on. The values are checked against
     * the form of the version the approval runs ({@link ResubmitForm}); fields left out keep their values.
     *
     * @throws InvalidFormValues when a value does not fit the form; nothing is changed
     */
    @Transactional
    public void resubmit(String taskId, Map<String, ?> form, String comment, CurrentUser user) {
        Task task = ownTask(taskId, user);
        if (!STARTER_NODE.equals(task.getTaskDefinitionKey())) {
            throw new ApprovalConflict("Only a task returned to the starter is resubmitted; approve or reject this one.");
        }
        ResubmitForm.Changes changes = resubmitForm.check(task, form);
        log.record(task.getProcessInstanceId(), taskId, task.getTaskDefinitionKey(), ActionKind.RESUBMITTED, user.id(), null, null,
                blankToNull(comment));
        if (!changes.set().isEmpty()) {
            runtimeService.setVariables(task.getProcessInstanceId(), changes.set());
        }
        if (!changes.removed().isEmpty()) {
            runtimeService.removeVariables(task.getProcessInstanceId(), changes.removed());
        }
        addComment(task, user, comment);
        taskService.setVariableLocal(taskId, OUTCOME, "submitted");
        taskService.setVariableLocal(taskId, ACTOR, user.id());
        as(user, () -> {
            taskService.complete(taskId);
            return null;
        });
    }

    // ---------------------------------------------------------------- approve / reject

    @Transactional
    public void approve(String taskId, String comment, CurrentUser user) {
        Task task = decidableTask(taskId, user);
        requireCommentIfNodeSays(task, comment);
        log.record(task.getProcessInstanceId(), taskId, task.getTaskDefinitionKey(), ActionKind.APPROVED, user.id(), null, null,
                blankToNull(comment));
        complete(task, user, "approved", comment);
        notifyStarter(ApprovalNotifications.APPROVED, task, user, comment, Map.of());
    }

    /** Reject: ends the approval as rejected, or with {@code returnTo} sends it back to that earlier node. */
    @Transactional
    public void reject(String taskId, String returnTo, String comment, CurrentUser user) {
        if (returnTo != null && !returnTo.isBlank()) {
            returnTo(taskId, returnTo, comment, user);
            return;
        }
        Task task = decidableTask(taskId, user);
        requireComment(comment, "Say why you reject it.");
        String pid = task.getProcessInstanceId();
        log.record(pid, taskId, task.getTaskDefinitionKey(), ActionKind.REJECTED, user.id(), null, null, comment);
        taskService.setVariableLocal(taskId, OUTCOME, "rejected");
        taskService.setVariableLocal(taskId, ACTOR, user.id());
        addComment(task, user, comment);
        notifyStarter(ApprovalNotifications.REJECTED, task, user, comment, Map.of());
        end(pid, "rejected", user.id());
    }

    // ---------------------------------------------------------------- return (退回)

    /** Returns the approval from this task's node to an earlier node (or {@code starter}); see {@link ReturnPlan}. */
    @Transactional
    public ReturnPlan returnTo(String taskId, String targetNodeId, String comment, CurrentUser user) {
        Task task = decidableTask(taskId, user);
        requireComment(comment, "Say why you return it.");
        String pid = task.getProcessInstanceId();
        Process process = repositoryService.getBpmnModel(task.getProcessDefinitionId()).getMainProcess();
        FlowGraph graph = FlowGraph.of(process);
        String current = task.getTaskDefinitionKey();
        checkReturnTarget(process, graph, pid, current, targetNodeId);
        ReturnPlan plan = ReturnPlan.plan(graph, targetNodeId, activeActivityIds(pid));
        log.record(pid, taskId, current, ActionKind.RETURNED, user.id(), targetNodeId, String.join(",", plan.moved()), comment);
        taskService.setVariableLocal(taskId, OUTCOME, "returned");
        taskService.setVariableLocal(taskId, ACTOR, user.id());
        addComment(task, user, comment);
        move(pid, plan, user);
        notifyStarter(ApprovalNotifications.RETURNED, task, user, comment, Map.of("targetName", nodeName(process, targetNodeId)));
        return plan;
    }

    /** The nodes this task may be returned to: passed approver nodes (and the starter) upstream of it. */
    public List<ReturnTarget> returnTargets(String taskId, CurrentUser user) {
        Task task = ownTask(taskId, user);
        Process process = repositoryService.getBpmnModel(task.getProcessDefinitionId()).getMainProcess();
        FlowGraph graph = FlowGraph.of(process);
        Set<String> passed = new LinkedHashSet<>();
        if (process.getFlowElement(STARTER_NODE) != null) {
            passed.add(STARTER_NODE); // a target without being passed: designed approvals have the starter's step off the path
        }
        historyService.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId()).finished()
                .activityType("userTask").orderByHistoricActivityInstanceStartTime().asc().list()
                .forEach(a -> passed.add(a.getActivityId()));
        List<ReturnTarget> targets = new ArrayList<>();
        for (String node : passed) {
            if (!node.equals(task.getTaskDefinitionKey()) && returnable(process, node) && graph.reaches(node, task.getTaskDefinitionKey())) {
                targets.add(new ReturnTarget(node, nodeName(process, node)));
            }
        }
        return targets;
    }

    public record ReturnTarget(String nodeId, String name) {}

    private void checkReturnTarget(Process process, FlowGraph graph, String pid, String current, String target) {
        if (target == null || !graph.contains(target) || !returnable(process, target)) {
            throw new ApprovalConflict("There is no approver node " + shortId(target) + " in this approval to return to.");
        }
        if (target.equals(current) || !graph.reaches(target, current)) {
            throw new ApprovalConflict("You can only return to a node before this one.");
        }
        if (STARTER_NODE.equals(target)) {
            return; // the starter submitted the approval, whether or not a starter step ran
        }
        long passed = historyService.createHistoricActivityInstanceQuery().processInstanceId(pid).activityId(target).finished().count();
        if (passed == 0) {
            throw new ApprovalConflict("This approval has not passed " + nodeName(process, target) + ", so it cannot be returned there.");
        }
    }

    private static boolean returnable(Process process, String nodeId) {
        FlowElement element = process.getFlowElement(nodeId);
        return element instanceof UserTask userTask && (STARTER_NODE.equals(nodeId) || userTask.getLoopCharacteristics() != null);
    }

    private void move(String pid, ReturnPlan plan, CurrentUser user) {
        if (plan.moved().isEmpty()) {
            throw new ApprovalConflict("Nothing is open after that node any more; reload the approval.");
        }
        ChangeActivityStateBuilder builder = runtimeService.createChangeActivityStateBuilder().processInstanceId(pid);
        if (plan.joinTokens().isEmpty()) {
            if (plan.moved().size() == 1) {
                builder.moveActivityIdTo(plan.moved().get(0), plan.target());
            } else {
                // The scope-level executions (a branch's execution, a 会签 node's root), not every child of them.
                List<String> executions = runtimeService.createExecutionQuery().processInstanceId(pid).list().stream()
                        .filter(e -> pid.equals(e.getParentId()) && plan.moved().contains(e.getActivityId()))
                        .map(Execution::getId)
                        .toList();
                builder.moveExecutionsToSingleActivityId(executions, plan.target());
            }
        } else if (plan.moved().size() == 1) {
            List<String> targets = new ArrayList<>();
            targets.add(plan.target());
            targets.addAll(plan.joinTokens());
            builder.moveSingleActivityIdToActivityIds(plan.moved().get(0), targets);
        } else {
            throw new ApprovalConflict("Returning into a finished parallel branch works from one open node only; return to before the branches instead.");
        }
        as(user, () -> {
            builder.changeState();
            return null;
        });
    }

    // ---------------------------------------------------------------- transfer / delegate

    @Transactional
    public void transfer(String taskId, String toUser, String comment, CurrentUser user) {
        Task task = decidableTask(taskId, user);
        checkNewApprover(task, toUser, user);
        log.record(task.getProcessInstanceId(), taskId, task.getTaskDefinitionKey(), ActionKind.TRANSFERRED, user.id(), toUser, null,
                blankToNull(comment));
        addComment(task, user, comment);
        if (task.getOwner() == null) {
            taskService.setOwner(taskId, user.id());
        }
        taskService.setAssignee(taskId, toUser);
        notifications.send(ApprovalNotifications.TRANSFERRED, List.of(toUser), user.id(), task.getProcessInstanceId(), taskId,
                about(task, comment));
    }

    /** 委派: the delegate looks at it and hands it back with {@link #resolve}; the delegator then decides. */
    @Transactional
    public void delegate(String taskId, String toUser, String comment, CurrentUser user) {
        Task task = decidableTask(taskId, user);
        checkNewApprover(task, toUser, user);
        log.record(task.getProcessInstanceId(), taskId, task.getTaskDefinitionKey(), ActionKind.DELEGATED, user.id(), toUser, null,
                blankToNull(comment));
        addComment(task, user, comment);
        taskService.delegateTask(taskId, toUser);
        notifications.send(ApprovalNotifications.TRANSFERRED, List.of(toUser), user.id(), task.getProcessInstanceId(), taskId,
                about(task, comment));
    }

    @Transactional
    public void resolve(String taskId, String comment, CurrentUser user) {
        Task task = ownTask(taskId, user);
        if (task.getDelegationState() != DelegationState.PENDING) {
            throw new ApprovalConflict("This task was not delegated to you, so there is nothing to hand back.");
        }
        log.record(task.getProcessInstanceId(), taskId, task.getTaskDefinitionKey(), ActionKind.DELEGATION_RESOLVED, user.id(),
                task.getOwner(), null, blankToNull(comment));
        addComment(task, user, comment);
        taskService.resolveTask(taskId);
        notifications.send(ApprovalNotifications.TASK_ASSIGNED, List.of(task.getOwner()), user.id(), task.getProcessInstanceId(), taskId,
                about(task, comment));
    }

    private void checkNewApprover(Task task, String toUser, CurrentUser user) {
        if (toUser == null || toUser.isBlank() || identityService.createUserQuery().userId(toUser).count() == 0) {
            throw new InvalidApprovalInput("There is no user " + shortId(toUser) + ".");
        }
        if (toUser.equals(user.id())) {
            throw new InvalidApprovalInput("Pick someone other than yourself.");
        }
        if (!openTasksOfNode(task, toUser).isEmpty()) {
            throw new ApprovalConflict(toUser + " is already an approver of this node.");
        }
    }

    // ---------------------------------------------------------------- add / remove approvers (加签 / 减签)

    @Transactional
    public List<String> addApprovers(String taskId, List<String> users, AddPosition position, String comment, CurrentUser user) {
        Task task = decidableTask(taskId, user);
        requireParallelNode(task, "add approvers");
        if (users == null || users.isEmpty()) {
            throw new InvalidApprovalInput("Name at least one user to add.");
        }
        List<String> distinct = users.stream().map(String::trim).distinct().toList();
        for (String added : distinct) {
            checkNewApprover(task, added, user);
        }
        Execution own = runtimeService.createExecutionQuery().executionId(task.getExecutionId()).singleResult();
        Execution root = runtimeService.createExecutionQuery().executionId(own.getParentId()).singleResult();
        log.record(task.getProcessInstanceId(), taskId, task.getTaskDefinitionKey(), ActionKind.APPROVERS_ADDED, user.id(),
                String.join(",", distinct), position.name(), blankToNull(comment));
        addComment(task, user, comment);
        List<String> newTasks = new ArrayList<>();
        for (String added : distinct) {
            as(user, () -> runtimeService.addMultiInstanceExecution(task.getTaskDefinitionKey(), root.getParentId(), Map.of("approver", added)));
            openTasksOfNode(task, added).forEach(t -> newTasks.add(t.getId()));
        }
        if (position == AddPosition.BEFORE) {
            List<String> waiting = new ArrayList<>(waitingFor(task));
            waiting.addAll(newTasks);
            taskService.setVariableLocal(taskId, WAITING_FOR, String.join(",", waiting));
        }
        return newTasks;
    }

    @Transactional
    public void removeApprover(String taskId, String removedUser, String comment, CurrentUser user) {
        Task task = decidableTask(taskId, user);
        requireParallelNode(task, "remove approvers");
        if (removedUser == null || removedUser.equals(user.id())) {
            throw new InvalidApprovalInput("Name another approver of this node to remove.");
        }
        List<Task> open = openTasksOfNode(task, removedUser);
        if (open.isEmpty()) {
            boolean acted = historyService.createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId())
                    .taskDefinitionKey(task.getTaskDefinitionKey()).taskAssignee(removedUser).finished().count() > 0;
            throw new ApprovalConflict(acted ? removedUser + " has already acted on this node and cannot be removed."
                    : removedUser + " is not an approver of this node.");
        }
        log.record(task.getProcessInstanceId(), taskId, task.getTaskDefinitionKey(), ActionKind.APPROVER_REMOVED, user.id(), removedUser,
                null, blankToNull(comment));
        addComment(task, user, comment);
        for (Task removed : open) {
            as(user, () -> {
                runtimeService.deleteMultiInstanceExecution(removed.getExecutionId(), false);
                return null;
            });
        }
        List<String> waiting = new ArrayList<>(waitingFor(task));
        if (waiting.removeAll(open.stream().map(Task::getId).toList())) {
            taskService.setVariableLocal(taskId, WAITING_FOR, String.join(",", waiting));
        }
    }

    private void requireParallelNode(Task task, String what) {
        FlowElement element = repositoryService.getBpmnModel(task.getProcessDefinitionId()).getFlowElement(task.getTaskDefinitionKey());
        if (!(element instanceof UserTask userTask) || userTask.getLoopCharacteristics() == null
                || userTask.getLoopCharacteristics().isSequential()) {
            throw new ApprovalConflict("You can " + what + " only in a 会签/或签 node; in this node transfer or delegate instead.");
        }
    }

    private List<Task> openTasksOfNode(Task task, String assignee) {
        return taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(task.getTaskDefinitionKey()).taskAssignee(assignee).list();
    }

    // ---------------------------------------------------------------- CC

    @Transactional
    public void cc(String processInstanceId, List<String> users, String comment, CurrentUser user) {
        HistoricProcessInstance instance = access.visible(processInstanceId, user);
        if (users == null || users.isEmpty()) {
            throw new InvalidApprovalInput("Name at least one user to copy.");
        }
        List<String> distinct = users.stream().map(String::trim).distinct().toList();
        for (String to : distinct) {
            if (identityService.createUserQuery().userId(to).count() == 0) {
                throw new InvalidApprovalInput("There is no user " + shortId(to) + ".");
            }
        }
        for (String to : distinct) {
            log.record(processInstanceId, null, null, ActionKind.CC, user.id(), to, null, blankToNull(comment));
        }
        ccRecords.record(processInstanceId, null, distinct, user.id(), blankToNull(comment), clock.instant());
        notifications.send(ApprovalNotifications.CC, distinct, user.id(), processInstanceId, null,
                Map.of("approvalName", nameOr(instance), "starter", Objects.toString(instance.getStartUserId(), ""),
                        "comment", Objects.toString(comment, "")));
    }

    // ---------------------------------------------------------------- withdraw / cancel / urge

    /**
     * 撤回: the last approver takes back their approval while nobody after them has acted. The open
     * nodes after theirs are withdrawn and their node runs again (all of its approvers).
     */
    @Transactional
    public void withdraw(String processInstanceId, String comment, CurrentUser user) {
        HistoricProcessInstance instance = access.visible(processInstanceId, user);
        if (instance.getEndTime() != null) {
            throw new ApprovalConflict("This approval has finished; there is nothing to withdraw.");
        }
        ActionEntry mine = log.last(processInstanceId, user.id(), ActionKind.APPROVED)
                .orElseThrow(() -> new ApprovalConflict("You have not approved anything on this approval, so there is nothing to withdraw."));
        boolean someoneActedSince = log.of(processInstanceId).stream()
                .anyMatch(e -> e.id() > mine.id() && e.kind().movesTheApproval());
        if (someoneActedSince) {
            throw new ApprovalConflict("The next approver has already acted; you can no longer withdraw.");
        }
        Process process = repositoryService.getBpmnModel(instance.getProcessDefinitionId()).getMainProcess();
        String node = mine.nodeId();
        FlowElement element = process.getFlowElement(node);
        boolean nodeStillOpen = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(node).count() > 0;
        boolean sequential = element instanceof UserTask ut && ut.getLoopCharacteristics() != null && ut.getLoopCharacteristics().isSequential();
        if (nodeStillOpen && !sequential) {
            throw new ApprovalConflict("Your node still waits for its other approvers; you can withdraw once it has moved on.");
        }
        FlowGraph graph = FlowGraph.of(process);
        List<String> active = new ArrayList<>(activeActivityIds(processInstanceId));
        ReturnPlan plan = ReturnPlan.plan(graph, node, active);
        List<String> moved = new ArrayList<>(plan.moved());
        if (nodeStillOpen) {
            moved.add(node);
        }
        log.record(processInstanceId, null, node, ActionKind.WITHDRAWN, user.id(), node, String.join(",", moved), blankToNull(comment));
        if (nodeStillOpen && plan.moved().isEmpty()) {
            as(user, () -> {
                runtimeService.createChangeActivityStateBuilder().processInstanceId(processInstanceId).moveActivityIdTo(node, node).changeState();
                return null;
            });
        } else {
            move(processInstanceId, new ReturnPlan(node, moved, plan.joinTokens()), user);
        }
    }

    /** 撤销: the starter (or an admin) ends a running approval. */
    @Transactional
    public void cancel(String processInstanceId, String comment, CurrentUser user) {
        HistoricProcessInstance instance = access.visible(processInstanceId, user);
        if (!user.isAdmin() && !user.id().equals(instance.getStartUserId())) {
            throw new NotAllowed("Only the starter or an admin can cancel an approval.");
        }
        if (instance.getEndTime() != null) {
            throw new ApprovalConflict("This approval has already finished.");
        }
        log.record(processInstanceId, null, null, ActionKind.CANCELLED, user.id(), null, null, blankToNull(comment));
        end(processInstanceId, "cancelled", user.id());
    }

    /** 催办: the starter reminds the open tasks' approvers, at most once per task per configured interval. */
    @Transactional
    public List<String> urge(String processInstanceId, String comment, CurrentUser user) {
        HistoricProcessInstance instance = access.visible(processInstanceId, user);
        if (!user.id().equals(instance.getStartUserId())) {
            throw new NotAllowed("Only the starter can send a reminder.");
        }
        if (instance.getEndTime() != null) {
            throw new ApprovalConflict("This approval has finished; nobody is left to remind.");
        }
        List<Task> open = taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .filter(t -> t.getAssignee() != null && !t.getAssignee().equals(user.id()))
                .toList();
        if (open.isEmpty()) {
            throw new ApprovalConflict("No approver is waiting to be reminded right now.");
        }
        List<String> urged = new ArrayList<>();
        UrgedTooSoon tooSoon = null;
        for (Task task : open) {
            try {
                urgeLimit.take(task.getId());
            } catch (UrgedTooSoon e) {
                tooSoon = tooSoon == null || e.retryAfter().compareTo(tooSoon.retryAfter()) < 0 ? e : tooSoon;
                continue;
            }
            urged.add(task.getAssignee());
            log.record(processInstanceId, task.getId(), task.getTaskDefinitionKey(), ActionKind.URGED, user.id(), task.getAssignee(), null,
                    blankToNull(comment));
            notifications.send(ApprovalNotifications.URGE, List.of(task.getAssignee()), user.id(), processInstanceId, task.getId(),
                    about(task, comment));
        }
        if (urged.isEmpty()) {
            throw tooSoon;
        }
        return urged;
    }

    // ---------------------------------------------------------------- shared checks

    /** The caller's own open approval task; 404 when invisible, 403 when someone else's, 409 when no longer open. */
    public Task ownTask(String taskId, CurrentUser user) {
        Task task = taskId == null ? null : taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            HistoricTaskInstance done = taskId == null ? null
                    : historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
            if (done != null && done.getProcessInstanceId() != null && access.isApproval(done.getProcessDefinitionId())
                    && access.maySee(historic(done.getProcessInstanceId()), user)) {
                throw new ApprovalConflict("This task is no longer open: it was completed, withdrawn or returned meanwhile. Reload the approval.");
            }
            throw new UnknownApproval("The task does not exist or you may not see it.");
        }
        if (task.getProcessInstanceId() == null || !access.isApproval(task.getProcessDefinitionId())) {
            throw new UnknownApproval("The task does not exist or you may not see it.");
        }
        if (!user.id().equals(task.getAssignee())) {
            if (access.maySee(historic(task.getProcessInstanceId()), user)) {
                throw new NotAllowed("This task is assigned to " + task.getAssignee() + ", not to you.");
            }
            throw new UnknownApproval("The task does not exist or you may not see it.");
        }
        return task;
    }

    private Task decidableTask(String taskId, CurrentUser user) {
        Task task = ownTask(taskId, user);
        if (task.getDelegationState() == DelegationState.PENDING) {
            throw new ApprovalConflict(task.getOwner() + " delegated this task to you: hand it back (resolve) and " + task.getOwner()
                    + " decides.");
        }
        if (STARTER_NODE.equals(task.getTaskDefinitionKey())) {
            throw new ApprovalConflict("This approval was returned to you: change it and resubmit, or cancel it.");
        }
        List<String> waiting = waitingFor(task);
        if (!waiting.isEmpty()) {
            List<String> stillOpen = taskService.createTaskQuery().taskIds(waiting).list().stream().map(Task::getAssignee).toList();
            if (!stillOpen.isEmpty()) {
                throw new ApprovalConflict("You added " + String.join(", ", stillOpen) + " before you; wait until they have acted.");
            }
        }
        return task;
    }

    private List<String> waitingFor(Task task) {
        Object value = taskService.getVariableLocal(task.getId(), WAITING_FOR);
        if (value == null || value.toString().isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.toString().split(",")).filter(s -> !s.isBlank()).toList();
    }

    private void requireCommentIfNodeSays(Task task, String comment) {
        FlowElement element = repositoryService.getBpmnModel(task.getProcessDefinitionId()).getFlowElement(task.getTaskDefinitionKey());
        if (CommentRule.required(element)) {
            requireComment(comment, "This node needs a comment with your decision.");
        }
    }

    private static void requireComment(String comment, String message) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidApprovalInput(message);
        }
    }

    private void complete(Task task, CurrentUser user, String outcome, String comment) {
        taskService.setVariableLocal(task.getId(), OUTCOME, outcome);
        taskService.setVariableLocal(task.getId(), ACTOR, user.id());
        addComment(task, user, comment);
        try {
            as(user, () -> {
                taskService.complete(task.getId());
                return null;
            });
        } catch (RuntimeException failure) {
            // Two deciders read the task before either committed: the loser's engine call may fail in any
            // way (optimistic lock, or a plain error once the winner ended the instance). Task gone = lost.
            if (taskGone(task.getId())) {
                throw new ApprovalConflict("Someone else decided this task first; reload the approval.");
            }
            throw failure;
        }
    }

    private boolean taskGone(String taskId) {
        try {
            return taskService.createTaskQuery().taskId(taskId).count() == 0;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private void addComment(Task task, CurrentUser user, String comment) {
        if (comment != null && !comment.isBlank()) {
            as(user, () -> taskService.addComment(task.getId(), task.getProcessInstanceId(), comment.strip()));
        }
    }

    /** Ends a running approval with a result (rejected, cancelled): result first, then the instance goes. */
    private void end(String pid, String result, String actor) {
        HistoricProcessInstance instance = historic(pid);
        runtimeService.setVariable(pid, RESULT, result);
        runtimeService.deleteProcessInstance(pid, result);
        log.record(pid, null, null, ActionKind.FINISHED, actor, null, result, null);
        notifications.send(ApprovalNotifications.FINISHED, List.of(Objects.toString(instance.getStartUserId(), "")), actor, pid, null,
                Map.of("approvalName", nameOr(instance), "result", result));
    }

    private Collection<String> activeActivityIds(String pid) {
        Set<String> ids = new LinkedHashSet<>();
        runtimeService.createExecutionQuery().processInstanceId(pid).list().stream()
                .map(Execution::getActivityId)
                .filter(Objects::nonNull)
                .forEach(ids::add);
        return ids;
    }

    private Task starterTask(String pid, String userId) {
        return taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(STARTER_NODE).taskAssignee(userId).list().stream()
                .findFirst()
                .orElse(null);
    }

    private void notifyStarter(String template, Task task, CurrentUser user, String comment, Map<String, String> extra) {
        String starter = historic(task.getProcessInstanceId()).getStartUserId();
        if (starter == null) {
            return;
        }
        Map<String, String> about = new LinkedHashMap<>(about(task, comment));
        about.putAll(extra);
        notifications.send(template, List.of(starter), user.id(), task.getProcessInstanceId(), task.getId(), about);
    }

    private Map<String, String> about(Task task, String comment) {
        HistoricProcessInstance instance = historic(task.getProcessInstanceId());
        return Map.of("approvalName", nameOr(instance), "starter", Objects.toString(instance.getStartUserId(), ""),
                "nodeName", Objects.toString(task.getName(), task.getTaskDefinitionKey()), "comment", Objects.toString(comment, ""));
    }

    private HistoricProcessInstance historic(String pid) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult();
    }

    private static String nameOr(HistoricProcessInstance instance) {
        return instance.getName() != null ? instance.getName() : Objects.toString(instance.getProcessDefinitionKey(), "approval");
    }

    static String nodeName(Process process, String nodeId) {
        FlowElement element = process.getFlowElement(nodeId);
        return element != null && element.getName() != null && !element.getName().isBlank() ? element.getName() : nodeId;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String shortId(String id) {
        if (id == null || id.isBlank()) {
            return "(none)";
        }
        return id.length() > 64 ? id.substring(0, 64) + "…" : id;
    }

    /**
     * Runs as the user for Flowable. Flowable's Spring Security bridge clears the thread's SecurityContext
     * when the id is reset, which would sign a page caller out of their session: both are restored.
     */
    private <T> T as(CurrentUser user, Supplier<T> work) {
        var springContext = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var springAuthentication = springContext.getAuthentication();
        String previous = org.flowable.common.engine.impl.identity.Authentication.getAuthenticatedUserId();
        identityService.setAuthenticatedUserId(user.id());
        try {
            return work.get();
        } finally {
            identityService.setAuthenticatedUserId(previous);
            springContext.setAuthentication(springAuthentication);
            org.springframework.security.core.context.SecurityContextHolder.setContext(springContext);
        }
    }
}
