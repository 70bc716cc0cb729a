package io.opsflow.approval.run;

import io.opsflow.approval.cc.CcRecord;
import io.opsflow.approval.cc.CcRecords;
import io.opsflow.approval.timeline.ActionLog;
import io.opsflow.approval.timeline.Timeline;
import io.opsflow.platform.CurrentUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/** The read side: startable approvals, one approval with progress and timeline, and the four inboxes. */
@Component
public class ApprovalReads {

    private static final int LIST_LIMIT = 200;

    private final RepositoryService repositoryService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final ApprovalAccess access;
    private final ActionLog log;
    private final Timeline timeline;
    private final CcRecords ccRecords;

    ApprovalReads(RepositoryService repositoryService, HistoryService historyService, TaskService taskService, ApprovalAccess access,
            ActionLog log, Timeline timeline, CcRecords ccRecords) {
        this.ccRecords = ccRecords;
        this.repositoryService = repositoryService;
        this.historyService = historyService;
        this.taskService = taskService;
        this.access = access;
        this.log = log;
        this.timeline = timeline;
    }

    public record StartableApproval(String key, String name, int version) {}

    public List<StartableApproval> startable() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKeyLike(ApprovalDefinitions.KEY_PREFIX + "%")
                .latestVersion().active().orderByProcessDefinitionName().asc().list().stream()
                .filter(ApprovalDefinitions::isApproval)
                .map(d -> new StartableApproval(d.getKey(), ApprovalDefinitions.nameOf(d), d.getVersion()))
                .toList();
    }

    public ApprovalDetail detail(String processInstanceId, CurrentUser user) {
        HistoricProcessInstance instance = access.visible(processInstanceId, user);
        HistoricProcessInstance withVariables = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .includeProcessVariables().singleResult();
        Process process = repositoryService.getBpmnModel(instance.getProcessDefinitionId()).getMainProcess();
        Map<String, Object> form = new LinkedHashMap<>();
        withVariables.getProcessVariables().entrySet().stream()
                .filter(e -> !FormVariables.reserved(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> form.put(e.getKey(), e.getValue()));
        List<ApprovalDetail.OpenTask> open = taskService.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc()
                .list().stream()
                .map(t -> new ApprovalDetail.OpenTask(t.getId(), t.getTaskDefinitionKey(), Objects.toString(t.getName(), t.getTaskDefinitionKey()),
                        t.getAssignee(), t.getOwner(), t.getDelegationState() == org.flowable.task.api.DelegationState.PENDING,
                        parallel(process, t.getTaskDefinitionKey())))
                .toList();
        return new ApprovalDetail(summary(instance, withVariables.getProcessVariables(), null, null), form, open,
                progress(process, processInstanceId, open), timeline.of(processInstanceId, nodeNames(process)));
    }

    /** Approvals the user started, newest first. */
    public List<ApprovalSummary> mine(CurrentUser user) {
        return historyService.createHistoricProcessInstanceQuery().startedBy(user.id()).processDefinitionKeyLike(ApprovalDefinitions.KEY_PREFIX + "%")
                .includeProcessVariables().orderByProcessInstanceStartTime().desc().listPage(0, LIST_LIMIT).stream()
                .filter(p -> access.isApproval(p.getProcessDefinitionId()))
                .map(p -> summary(p, p.getProcessVariables(), null, null))
                .toList();
    }

    /** Open approval tasks of the user, oldest first. */
    public List<ApprovalSummary> todo(CurrentUser user) {
        List<ApprovalSummary> rows = new ArrayList<>();
        for (Task t : taskService.createTaskQuery().taskAssignee(user.id()).processDefinitionKeyLike(ApprovalDefinitions.KEY_PREFIX + "%")
                .orderByTaskCreateTime().asc().listPage(0, LIST_LIMIT)) {
            if (!access.isApproval(t.getProcessDefinitionId())) {
                continue;
            }
            HistoricProcessInstance p = historic(t.getProcessInstanceId());
            rows.add(summary(p, Map.of(), t.getId(), t.getName()));
        }
        return rows;
    }

    /** Approval tasks the user finished, newest first, one row per approval. */
    public List<ApprovalSummary> done(CurrentUser user) {
        List<ApprovalSummary> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (HistoricTaskInstance t : historyService.createHistoricTaskInstanceQuery().taskAssignee(user.id()).finished()
                .processDefinitionKeyLike(ApprovalDefinitions.KEY_PREFIX + "%").orderByHistoricTaskInstanceEndTime().desc()
                .listPage(0, LIST_LIMIT)) {
            if (t.getProcessInstanceId() == null || !seen.add(t.getProcessInstanceId()) || !access.isApproval(t.getProcessDefinitionId())) {
                continue;
            }
            HistoricProcessInstance p = historyService.createHistoricProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                    .includeProcessVariables().singleResult();
            rows.add(summary(p, p.getProcessVariables(), t.getId(), t.getName()));
        }
        return rows;
    }

    /** Approvals CC'd to the user (by CC nodes and by hand, from {@link CcRecords}), newest first. */
    public List<ApprovalSummary> ccToMe(CurrentUser user) {
        List<ApprovalSummary> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (CcRecord cc : ccRecords.forUser(user.id(), 0, 100)) {
            if (!seen.add(cc.processInstanceId())) {
                continue;
            }
            HistoricProcessInstance p = historyService.createHistoricProcessInstanceQuery().processInstanceId(cc.processInstanceId())
                    .includeProcessVariables().singleResult();
            if (p != null) {
                rows.add(summary(p, p.getProcessVariables(), null, null));
            }
        }
        return rows;
    }

    private List<ApprovalDetail.NodeProgress> progress(Process process, String pid, List<ApprovalDetail.OpenTask> open) {
        Set<String> done = new LinkedHashSet<>();
        historyService.createHistoricActivityInstanceQuery().processInstanceId(pid).finished().activityType("userTask").list()
                .forEach(a -> done.add(a.getActivityId()));
        Set<String> active = new LinkedHashSet<>();
        open.forEach(t -> active.add(t.nodeId()));
        List<ApprovalDetail.NodeProgress> nodes = new ArrayList<>();
        for (FlowElement element : process.getFlowElements()) {
            if (element instanceof UserTask task) {
                String state = active.contains(task.getId()) ? "ACTIVE" : done.contains(task.getId()) ? "DONE" : "WAITING";
                nodes.add(new ApprovalDetail.NodeProgress(task.getId(), ApprovalRuntime.nodeName(process, task.getId()), state));
            }
        }
        return nodes;
    }

    private static boolean parallel(Process process, String nodeId) {
        return process.getFlowElement(nodeId) instanceof UserTask t && t.getLoopCharacteristics() != null && !t.getLoopCharacteristics().isSequential();
    }

    private static Map<String, String> nodeNames(Process process) {
        Map<String, String> names = new LinkedHashMap<>();
        process.getFlowElements().forEach(e -> names.put(e.getId(), ApprovalRuntime.nodeName(process, e.getId())));
        return names;
    }

    private HistoricProcessInstance historic(String pid) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult();
    }

    private ApprovalSummary summary(HistoricProcessInstance p, Map<String, Object> variables, String taskId, String nodeName) {
        String result = p.getEndTime() == null ? null
                : Objects.toString(variables.get(ApprovalDefinitions.RESULT), p.getDeleteReason() != null ? p.getDeleteReason() : "approved");
        String name = p.getName() != null ? p.getName() : definitionName(p.getProcessDefinitionId());
        return new ApprovalSummary(p.getId(), name, p.getProcessDefinitionKey(), p.getStartUserId(), p.getStartTime().toInstant(),
                p.getEndTime() == null ? null : p.getEndTime().toInstant(), p.getEndTime() == null ? "RUNNING" : "FINISHED", result, taskId,
                nodeName);
    }

    private String definitionName(String definitionId) {
        ProcessDefinition d = repositoryService.getProcessDefinition(definitionId);
        return ApprovalDefinitions.nameOf(d);
    }
}
