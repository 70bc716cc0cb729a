package io.opsflow.engine.rest;

import io.opsflow.engine.ProcessAccess;
import io.opsflow.engine.RunningInstanceCheck;
import io.opsflow.engine.StartVariablesCheck;
import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.Groups;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.flowable.batch.api.Batch;
import org.flowable.batch.api.BatchPart;
import org.flowable.batch.api.BatchQuery;
import org.flowable.common.engine.api.repository.EngineResource;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.flowable.engine.form.FormData;
import org.flowable.engine.form.StartFormData;
import org.flowable.engine.form.TaskFormData;
import org.flowable.engine.history.HistoricActivityInstanceQuery;
import org.flowable.engine.history.HistoricDetail;
import org.flowable.engine.history.HistoricDetailQuery;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.history.HistoricProcessInstanceQuery;
import org.flowable.engine.impl.repository.DeploymentBuilderImpl;
import org.flowable.engine.impl.runtime.ProcessInstanceBuilderImpl;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.DeploymentBuilder;
import org.flowable.engine.repository.DeploymentQuery;
import org.flowable.engine.repository.Model;
import org.flowable.engine.repository.ModelQuery;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.repository.ProcessDefinitionQuery;
import org.flowable.engine.runtime.ActivityInstanceQuery;
import org.flowable.engine.runtime.Execution;
import org.flowable.engine.runtime.ExecutionQuery;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.engine.runtime.ProcessInstanceBuilder;
import org.flowable.engine.runtime.ProcessInstanceQuery;
import org.flowable.engine.task.Attachment;
import org.flowable.engine.task.Comment;
import org.flowable.engine.task.Event;
import org.flowable.eventsubscription.api.EventSubscription;
import org.flowable.eventsubscription.api.EventSubscriptionQuery;
import org.flowable.eventsubscription.service.impl.EventSubscriptionQueryImpl;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.idm.api.Group;
import org.flowable.idm.api.GroupQuery;
import org.flowable.idm.api.User;
import org.flowable.idm.api.UserQuery;
import org.flowable.job.api.DeadLetterJobQuery;
import org.flowable.job.api.HistoryJob;
import org.flowable.job.api.HistoryJobQuery;
import org.flowable.job.api.Job;
import org.flowable.job.api.JobQuery;
import org.flowable.job.api.SuspendedJobQuery;
import org.flowable.job.api.TimerJobQuery;
import org.flowable.rest.service.api.BpmnRestApiInterceptor;
import org.flowable.rest.service.api.engine.CommentRequest;
import org.flowable.rest.service.api.engine.RestIdentityLink;
import org.flowable.rest.service.api.engine.variable.RestVariable;
import org.flowable.rest.service.api.form.SubmitFormRequest;
import org.flowable.rest.service.api.history.HistoricActivityInstanceQueryRequest;
import org.flowable.rest.service.api.history.HistoricDetailQueryRequest;
import org.flowable.rest.service.api.history.HistoricProcessInstanceQueryRequest;
import org.flowable.rest.service.api.history.HistoricTaskInstanceQueryRequest;
import org.flowable.rest.service.api.history.HistoricTaskLogEntryQueryRequest;
import org.flowable.rest.service.api.history.HistoricVariableInstanceQueryRequest;
import org.flowable.rest.service.api.identity.GroupRequest;
import org.flowable.rest.service.api.identity.UserRequest;
import org.flowable.rest.service.api.repository.ModelRequest;
import org.flowable.rest.service.api.repository.ProcessDefinitionActionRequest;
import org.flowable.rest.service.api.runtime.VariableInstanceQueryRequest;
import org.flowable.rest.service.api.runtime.process.ActivityInstanceQueryRequest;
import org.flowable.rest.service.api.runtime.process.ExecutionActionRequest;
import org.flowable.rest.service.api.runtime.process.ExecutionChangeActivityStateRequest;
import org.flowable.rest.service.api.runtime.process.ExecutionQueryRequest;
import org.flowable.rest.service.api.runtime.process.InjectActivityRequest;
import org.flowable.rest.service.api.runtime.process.ProcessInstanceCreateRequest;
import org.flowable.rest.service.api.runtime.process.ProcessInstanceQueryRequest;
import org.flowable.rest.service.api.runtime.process.ProcessInstanceUpdateRequest;
import org.flowable.rest.service.api.runtime.process.SignalEventReceivedRequest;
import org.flowable.rest.service.api.runtime.task.BulkTasksRequest;
import org.flowable.rest.service.api.runtime.task.TaskActionRequest;
import org.flowable.rest.service.api.runtime.task.TaskQueryRequest;
import org.flowable.rest.service.api.runtime.task.TaskRequest;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskInfo;
import org.flowable.task.api.TaskQuery;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.flowable.task.api.history.HistoricTaskInstanceQuery;
import org.flowable.task.api.history.HistoricTaskLogEntryQuery;
import org.flowable.variable.api.history.HistoricVariableInstance;
import org.flowable.variable.api.history.HistoricVariableInstanceQuery;
import org.flowable.variable.api.persistence.entity.VariableInstance;
import org.flowable.variable.api.runtime.VariableInstanceQuery;
import org.springframework.stereotype.Component;

/**
 * Per-object access for Flowable's {@code /process-api}. Every Flowable REST resource autowires a
 * {@link BpmnRestApiInterceptor} (optional) from the application context and calls it before it reads
 * or changes an object and before it runs a list query; this is Opsflow's. The rule itself is
 * {@link ProcessAccess}; list queries get the same rule as a query restriction. Objects a caller may
 * not see answer 404; operations reserved to a group answer 403. See docs/rest.md.
 */
@Component
class ProcessApiAccessInterceptor implements BpmnRestApiInterceptor {

    private final ProcessAccess access;
    private final CodeRunningModelCheck codeCheck;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final List<StartVariablesCheck> startChecks;
    private final List<RunningInstanceCheck> runningChecks;

    ProcessApiAccessInterceptor(ProcessAccess access, CodeRunningModelCheck codeCheck, TaskService taskService,
            HistoryService historyService, RepositoryService repositoryService, List<StartVariablesCheck> startChecks,
            List<RunningInstanceCheck> runningChecks) {
        this.startChecks = startChecks;
        this.runningChecks = runningChecks;
        this.access = access;
        this.codeCheck = codeCheck;
        this.taskService = taskService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
    }

    // --- helpers -------------------------------------------------------------------------------

    private static CurrentUser user() {
        return CurrentUser.required();
    }

    private static void requireAdmin(String operation) {
        CurrentUser user = user();
        if (!user.isAdmin()) {
            throw Denials.forbidden(user, operation + " is for admins only");
        }
    }

    private static void requireDesigner(String operation) {
        CurrentUser user = user();
        if (!user.isAdmin() && !user.isIn(Groups.DESIGNER)) {
            throw Denials.forbidden(user, operation + " is for designers and admins only");
        }
    }

    private void requireTask(TaskInfo task) {
        CurrentUser user = user();
        if (!access.canSeeTask(user, task)) {
            throw Denials.hidden(user, "task", task.getId());
        }
    }

    /**
     * Acting on a task (completing it, writing its variables) follows the task list's rule ({@code TaskCompletion}):
     * the task must be the caller's. The task list takes an unassigned task for the caller as it completes it; here
     * the caller claims it first. Admins may act on any task. The caller may see the task, so this is a 403.
     */
    private void requireActor(Task task, String operation) {
        requireTask(task);
        CurrentUser user = user();
        if (user.isAdmin() || user.id().equals(task.getAssignee())) {
            return;
        }
        if (task.getAssignee() == null) {
            throw Denials.forbidden(user, "claim this task first (action claim): only its assignee may " + operation);
        }
        throw Denials.forbidden(user, "this task is assigned to someone else: only its assignee may " + operation);
    }

    /** Instance and execution variables steer the process: admins, and integrators who may see the instance. */
    private void requireInstanceWriter(String processInstanceId) {
        requireInstance(processInstanceId);
        CurrentUser user = user();
        if (!user.isAdmin() && !user.isIn(Groups.INTEGRATOR)) {
            throw Denials.forbidden(user, "changing process instance variables is for integrators and admins");
        }
    }

    /** The owning module's say over writing these variables of a running instance ({@link RunningInstanceCheck}). */
    private void checkRunningVariables(String processDefinitionId, Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return;
        }
        List<String> written = List.copyOf(names);
        CurrentUser user = user();
        refuseIfAnyCheckDoes(processDefinitionId, (check, definition) -> check.refuseVariables(definition, user, written));
    }

    /** The owning module's say over completing this task of a running instance ({@link RunningInstanceCheck}). */
    private void checkCompletion(Task task) {
        CurrentUser user = user();
        refuseIfAnyCheckDoes(task.getProcessDefinitionId(), (check, definition) -> check.refuseCompletion(definition, task, user));
    }

    private void refuseIfAnyCheckDoes(String processDefinitionId,
            BiFunction<RunningInstanceCheck, ProcessDefinition, Optional<String>> refusal) {
        if (runningChecks.isEmpty() || processDefinitionId == null) {
            return;
        }
        ProcessDefinition definition = repositoryService.getProcessDefinition(processDefinitionId);
        for (RunningInstanceCheck check : runningChecks) {
            Optional<String> refused = refusal.apply(check, definition);
            if (refused.isPresent()) {
                throw Denials.forbidden(user(), refused.get());
            }
        }
    }

    private String definitionOf(Execution execution) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId()).singleResult();
        return instance == null ? null : instance.getProcessDefinitionId();
    }

    private static Collection<String> names(Map<String, Object> variables) {
        return variables == null ? List.of() : variables.keySet();
    }

    private void requireHistoricTask(TaskInfo task) {
        CurrentUser user = user();
        if (!access.canSeeHistoricTask(user, task)) {
            throw Denials.hidden(user, "task", task.getId());
        }
    }

    private void requireInstance(String processInstanceId) {
        CurrentUser user = user();
        if (processInstanceId == null ? !user.isAdmin() : !access.canSeeProcessInstance(user, processInstanceId)) {
            throw Denials.hidden(user, "process instance", processInstanceId);
        }
    }

    /** Data hanging off a task or an instance (variables, details, log entries). */
    private void requireScope(String processInstanceId, String taskId) {
        CurrentUser user = user();
        if (user.isAdmin()) {
            return;
        }
        if (taskId != null) {
            HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
            if (task == null || !access.canSeeHistoricTask(user, task)) {
                throw Denials.hidden(user, "task", taskId);
            }
        } else if (processInstanceId != null) {
            requireInstance(processInstanceId);
        } else {
            throw Denials.forbidden(user, "this query must name a processInstanceId or taskId");
        }
    }

    private void requireDefinition(ProcessDefinition definition) {
        CurrentUser user = user();
        if (!user.isIn(Groups.DESIGNER) && !access.canStart(user, definition)) {
            throw Denials.hidden(user, "process definition", definition.getId());
        }
    }

    private static Set<String> groups(CurrentUser user) {
        return Set.copyOf(user.groups());
    }

    // --- tasks ---------------------------------------------------------------------------------

    @Override
    public void accessTaskInfoById(Task task) {
        requireTask(task);
    }

    @Override
    public void accessTaskInfoWithQuery(TaskQuery query, TaskQueryRequest request) {
        CurrentUser user = user();
        if (!user.isAdmin()) {
            var or = query.or().taskInvolvedUser(user.id());
            if (!user.groups().isEmpty()) {
                or = or.taskInvolvedGroups(user.groups());
            }
            or.endOr();
        }
    }

    @Override
    public void bulkUpdateTasks(Collection<Task> tasks, BulkTasksRequest request) {
        tasks.forEach(this::requireStoredTask);
    }

    @Override
    public void createTask(Task task, TaskRequest request) {
        // A stand-alone task; the caller becomes its owner so they can see it afterwards.
        if (task.getOwner() == null && !user().isAdmin()) {
            task.setOwner(user().id());
        }
    }

    @Override
    public void updateTask(Task task, TaskRequest request) {
        requireStoredTask(task);
    }

    /** Flowable applies the request to the task before asking; judge the task as it is stored. */
    private void requireStoredTask(Task changed) {
        Task stored = taskService.createTaskQuery().taskId(changed.getId()).singleResult();
        if (stored == null) {
            throw Denials.hidden(user(), "task", changed.getId());
        }
        requireTask(stored);
    }

    @Override
    public void deleteTask(Task task) {
        requireTask(task);
    }

    @Override
    public void createTaskAttachment(Task task) {
        requireTask(task);
    }

    @Override
    public void deleteTaskAttachment(Task task, Attachment attachment) {
        requireTask(task);
    }

    @Override
    public void createTaskComment(Task task, CommentRequest comment) {
        requireTask(task);
    }

    @Override
    public void deleteTaskComment(Task task, Comment comment) {
        requireTask(task);
    }

    @Override
    public void deleteTaskEvent(Task task, Event event) {
        requireTask(task);
    }

    @Override
    public void executeTaskAction(Task task, TaskActionRequest action) {
        boolean completes = TaskActionRequest.ACTION_COMPLETE.equals(action.getAction());
        if (completes || TaskActionRequest.ACTION_RESOLVE.equals(action.getAction())) {
            requireActor(task, action.getAction() + " it");
            if (completes) {
                checkCompletion(task);
            }
            List<String> names = new java.util.ArrayList<>();
            if (action.getVariables() != null) {
                action.getVariables().forEach(variable -> names.add(variable.getName()));
            }
            if (action.getTransientVariables() != null) {
                action.getTransientVariables().forEach(variable -> names.add(variable.getName()));
            }
            checkRunningVariables(task.getProcessDefinitionId(), names);
            return;
        }
        requireTask(task);
        CurrentUser user = user();
        boolean claimForOther = "claim".equals(action.getAction()) && action.getAssignee() != null
                && !action.getAssignee().equals(user.id());
        if (claimForOther && !user.isAdmin() && !user.isIn(Groups.SUPERVISOR)) {
            throw Denials.forbidden(user, "claiming a task for someone else is for supervisors and admins");
        }
    }

    @Override
    public void accessTaskVariable(Task task, String variableName) {
        requireTask(task);
    }

    @Override
    public Map<String, RestVariable> accessTaskVariables(Task task, Map<String, RestVariable> variables) {
        requireTask(task);
        return variables;
    }

    @Override
    public void createTaskVariables(Task task, Map<String, Object> variables, RestVariable.RestVariableScope scope) {
        requireActor(task, "write its variables");
        checkRunningVariables(task.getProcessDefinitionId(), names(variables));
    }

    @Override
    public void updateTaskVariables(Task task, Map<String, Object> variables, RestVariable.RestVariableScope scope) {
        requireActor(task, "write its variables");
        checkRunningVariables(task.getProcessDefinitionId(), names(variables));
    }

    @Override
    public void deleteTaskVariables(Task task, Collection<String> names, RestVariable.RestVariableScope scope) {
        requireActor(task, "delete its variables");
        checkRunningVariables(task.getProcessDefinitionId(), names);
    }

    @Override
    public void accessTaskIdentityLinks(Task task) {
        requireTask(task);
    }

    @Override
    public void accessTaskIdentityLink(Task task, IdentityLink link) {
        requireTask(task);
    }

    @Override
    public void deleteTaskIdentityLink(Task task, IdentityLink link) {
        requireTask(task);
    }

    @Override
    public void createTaskIdentityLink(Task task, RestIdentityLink link) {
        requireTask(task);
    }

    // --- executions and process instances -------------------------------------------------------

    @Override
    public void accessExecutionInfoById(Execution execution) {
        requireInstance(execution.getProcessInstanceId());
    }

    @Override
    public void accessExecutionVariable(Execution execution, String variableName, String scope) {
        requireInstance(execution.getProcessInstanceId());
    }

    @Override
    public Map<String, RestVariable> accessExecutionVariables(Execution execution, Map<String, RestVariable> variables) {
        requireInstance(execution.getProcessInstanceId());
        return variables;
    }

    @Override
    public void accessExecutionInfoWithQuery(ExecutionQuery query, ExecutionQueryRequest request) {
        requireScope(request == null ? null : request.getProcessInstanceId(), null);
    }

    @Override
    public void doExecutionActionRequest(Execution execution, ExecutionActionRequest request) {
        requireAdmin("signalling executions");
    }

    @Override
    public void doExecutionActionRequest(ExecutionActionRequest request) {
        requireAdmin("signalling executions");
    }

    @Override
    public void createExecutionVariables(Execution execution, Map<String, Object> variables, RestVariable.RestVariableScope scope) {
        requireInstanceWriter(execution.getProcessInstanceId());
        checkRunningVariables(definitionOf(execution), names(variables));
    }

    @Override
    public void updateExecutionVariables(Execution execution, Map<String, Object> variables, RestVariable.RestVariableScope scope) {
        requireInstanceWriter(execution.getProcessInstanceId());
        checkRunningVariables(definitionOf(execution), names(variables));
    }

    @Override
    public void deleteExecutionVariables(Execution execution, Collection<String> names, RestVariable.RestVariableScope scope) {
        requireInstanceWriter(execution.getProcessInstanceId());
        checkRunningVariables(definitionOf(execution), names);
    }

    @Override
    public void accessProcessInstanceInfoById(ProcessInstance instance) {
        requireInstance(instance.getId());
    }

    @Override
    public void accessProcessInstanceInfoWithQuery(ProcessInstanceQuery query, ProcessInstanceQueryRequest request) {
        CurrentUser user = user();
        if (!user.isAdmin()) {
            var or = query.or().startedBy(user.id()).involvedUser(user.id());
            if (!user.groups().isEmpty()) {
                or = or.involvedGroups(groups(user));
            }
            or.endOr();
        }
    }

    @Override
    public void createProcessInstance(ProcessInstanceBuilder builder, ProcessInstanceCreateRequest request) {
        CurrentUser user = user();
        ProcessDefinition definition = definitionToStart(request);
        if (definition == null || !access.canStart(user, definition)) {
            throw Denials.hidden(user, "process definition", request.getProcessDefinitionId() != null
                    ? request.getProcessDefinitionId() : request.getProcessDefinitionKey());
        }
        checkStartVariables(builder, definition);
    }

    /** Lets the owning module check and type the variables; Flowable's builder keeps them in one mutable map. */
    private void checkStartVariables(ProcessInstanceBuilder builder, ProcessDefinition definition) {
        if (startChecks.isEmpty() || !(builder instanceof ProcessInstanceBuilderImpl impl)) {
            return;
        }
        Map<String, Object> sent = impl.getVariables() == null ? new HashMap<>() : new HashMap<>(impl.getVariables());
        checkedStartVariables(definition, sent).ifPresent(checked -> {
            if (impl.getVariables() != null) {
                impl.getVariables().clear();
            }
            builder.variables(checked);
        });
    }

    /** The first start check that owns the definition: its checked, typed variables (or its exception). */
    private Optional<Map<String, Object>> checkedStartVariables(ProcessDefinition definition, Map<String, Object> sent) {
        for (StartVariablesCheck check : startChecks) {
            Optional<Map<String, Object>> checked = check.check(definition, sent);
            if (checked.isPresent()) {
                return checked;
            }
        }
        return Optional.empty();
    }

    /**
     * A form-data start runs the same start checks, so bad values answer as on {@code /runtime/process-instances}.
     * Flowable has read the properties as strings and submits those, not what a check typed; so a start a check
     * owns is refused here and made through {@code /runtime/process-instances}, which starts with the typed values.
     */
    private void checkFormDataStart(ProcessDefinition definition, SubmitFormRequest request) {
        if (startChecks.isEmpty()) {
            return;
        }
        Map<String, Object> sent = new HashMap<>();
        if (request.getProperties() != null) {
            request.getProperties().forEach(property -> sent.put(property.getId(), property.getValue()));
        }
        if (checkedStartVariables(definition, sent).isPresent()) {
            throw Denials.forbidden(user(), "this process's start values are checked and typed: start it with"
                    + " POST /process-api/runtime/process-instances, not with form data");
        }
    }

    private ProcessDefinition definitionToStart(ProcessInstanceCreateRequest request) {
        var query = repositoryService.createProcessDefinitionQuery();
        if (request.getProcessDefinitionId() != null) {
            return query.processDefinitionId(request.getProcessDefinitionId()).singleResult();
        }
        if (request.getTenantId() != null) {
            query = query.processDefinitionTenantId(request.getTenantId());
        }
        if (request.getProcessDefinitionKey() != null) {
            return query.processDefinitionKey(request.getProcessDefinitionKey()).latestVersion().singleResult();
        }
        if (request.getMessage() != null) {
            return query.messageEventSubscriptionName(request.getMessage()).latestVersion().singleResult();
        }
        return null;
    }

    @Override
    public void updateProcessInstance(ProcessInstance instance, ProcessInstanceUpdateRequest request) {
        requireInstance(instance.getId());
    }

    @Override
    public void deleteProcessInstance(ProcessInstance instance) {
        CurrentUser user = user();
        requireInstance(instance.getId());
        if (!user.isAdmin() && !user.id().equals(instance.getStartUserId())) {
            throw Denials.forbidden(user, "only the starter or an admin may delete a process instance");
        }
    }

    @Override
    public void accessProcessInstanceIdentityLinks(ProcessInstance instance) {
        requireInstance(instance.getId());
    }

    @Override
    public void accessProcessInstanceIdentityLink(ProcessInstance instance, IdentityLink link) {
        requireInstance(instance.getId());
    }

    @Override
    public void deleteProcessInstanceIdentityLink(ProcessInstance instance, IdentityLink link) {
        requireInstance(instance.getId());
    }

    @Override
    public void createProcessInstanceIdentityLink(ProcessInstance instance, RestIdentityLink link) {
        requireInstance(instance.getId());
    }

    @Override
    public void bulkDeleteProcessInstances(Collection<String> ids) {
        requireAdmin("bulk delete of process instances");
    }

    @Override
    public void accessActivityInfoWithQuery(ActivityInstanceQuery query, ActivityInstanceQueryRequest request) {
        requireScope(request == null ? null : request.getProcessInstanceId(), null);
    }

    @Override
    public void accessVariableInfoById(VariableInstance variable) {
        requireScope(variable.getProcessInstanceId(), variable.getTaskId());
    }

    @Override
    public void accessVariableInfoWithQuery(VariableInstanceQuery query, VariableInstanceQueryRequest request) {
        requireScope(request == null ? null : request.getProcessInstanceId(), request == null ? null : request.getTaskId());
    }

    @Override
    public void sendSignal(SignalEventReceivedRequest request) {
        // A signal reaches every waiting instance, whoever started it.
        requireAdmin("sending a signal");
    }

    @Override
    public void changeActivityState(Execution execution, ExecutionChangeActivityStateRequest request) {
        requireAdmin("change-state");
    }

    @Override
    public void migrateProcessInstance(ProcessInstance instance, String migrationDocument) {
        requireAdmin("migration");
    }

    @Override
    public void migrateInstancesOfProcessDefinition(ProcessDefinition definition, String migrationDocument) {
        requireAdmin("migration");
    }

    @Override
    public void evaluateProcessInstanceConditionalEvents(ProcessInstance instance) {
        requireInstance(instance.getId());
    }

    @Override
    public void injectActivity(ProcessInstance instance, InjectActivityRequest request) {
        requireAdmin("inject");
    }

    @Override
    public void accessEventSubscriptionById(EventSubscription subscription) {
        requireScope(subscription.getProcessInstanceId(), null);
    }

    @Override
    public void accessEventSubscriptionInfoWithQuery(EventSubscriptionQuery query) {
        String processInstanceId = query instanceof EventSubscriptionQueryImpl impl ? impl.getProcessInstanceId() : null;
        requireScope(processInstanceId, null);
    }

    // --- repository ----------------------------------------------------------------------------

    @Override
    public void accessProcessDefinitionById(ProcessDefinition definition) {
        requireDefinition(definition);
    }

    @Override
    public void executeProcessDefinitionAction(ProcessDefinition definition, ProcessDefinitionActionRequest request) {
        requireDesigner("suspending or activating a process definition");
    }

    @Override
    public void accessProcessDefinitionIdentityLinks(ProcessDefinition definition) {
        requireDefinition(definition);
    }

    @Override
    public void accessProcessDefinitionIdentityLink(ProcessDefinition definition, IdentityLink link) {
        requireDefinition(definition);
    }

    @Override
    public void deleteProcessDefinitionIdentityLink(ProcessDefinition definition, IdentityLink link) {
        requireDesigner("changing who may start a process");
    }

    @Override
    public void createProcessDefinitionIdentityLink(ProcessDefinition definition, RestIdentityLink link) {
        requireDesigner("changing who may start a process");
    }

    @Override
    public void accessProcessDefinitionsWithQuery(ProcessDefinitionQuery query) {
        CurrentUser user = user();
        if (user.isAdmin() || user.isIn(Groups.DESIGNER)) {
            return;
        }
        // Flowable's startableByUserOrGroups leaves out definitions without candidate starters,
        // which everyone may start; so the visible ids are computed with the one rule instead.
        Set<String> startable = new java.util.HashSet<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().list()) {
            if (access.canStart(user, definition)) {
                startable.add(definition.getId());
            }
        }
        query.processDefinitionIds(startable.isEmpty() ? Set.of("-none-") : startable);
    }

    @Override
    public void accessDeploymentById(Deployment deployment) {
        requireDesigner("reading deployments");
    }

    @Override
    public void accessDeploymentsWithQuery(DeploymentQuery query) {
        requireDesigner("reading deployments");
    }

    @Override
    public void executeNewDeploymentForTenantId(String tenantId) {
        requireDesigner("deploying");
    }

    @Override
    public void enhanceDeployment(DeploymentBuilder builder) {
        requireDesigner("deploying");
        Map<String, byte[]> resources = new LinkedHashMap<>();
        if (builder instanceof DeploymentBuilderImpl impl) {
            Map<String, EngineResource> contents = impl.getDeployment().getResources();
            contents.forEach((name, resource) -> resources.put(name, resource.getBytes()));
        }
        List<String> codeRunning = codeCheck.findCodeRunningElements(resources);
        CurrentUser user = user();
        if (!codeRunning.isEmpty() && !user.isAdmin()) {
            throw Denials.forbidden(user, "a deployment that runs its own code needs an admin: " + String.join(", ", codeRunning));
        }
    }

    @Override
    public void deleteDeployment(Deployment deployment) {
        requireDesigner("deleting deployments");
    }

    @Override
    public void accessModelInfoById(Model model) {
        requireDesigner("models");
    }

    @Override
    public void accessModelInfoWithQuery(ModelQuery query) {
        requireDesigner("models");
    }

    @Override
    public void createModel(Model model, ModelRequest request) {
        requireDesigner("models");
    }

    // --- management: admins only ---------------------------------------------------------------

    @Override
    public void accessEngineProperties() {
        requireAdmin("engine properties");
    }

    @Override
    public void bulkDeleteHistoricProcessInstances(Collection<String> ids) {
        requireAdmin("bulk delete of history");
    }

    @Override
    public void bulkMoveDeadLetterJobs(Collection<String> ids, String action) {
        requireAdmin("jobs");
    }

    @Override
    public void accessJobInfoById(Job job) {
        requireAdmin("jobs");
    }

    @Override
    public void accessHistoryJobInfoById(HistoryJob job) {
        requireAdmin("jobs");
    }

    @Override
    public void accessJobInfoWithQuery(JobQuery query) {
        requireAdmin("jobs");
    }

    @Override
    public void accessTimerJobInfoWithQuery(TimerJobQuery query) {
        requireAdmin("jobs");
    }

    @Override
    public void accessSuspendedJobInfoWithQuery(SuspendedJobQuery query) {
        requireAdmin("jobs");
    }

    @Override
    public void accessDeadLetterJobInfoWithQuery(DeadLetterJobQuery query) {
        requireAdmin("jobs");
    }

    @Override
    public void accessHistoryJobInfoWithQuery(HistoryJobQuery query) {
        requireAdmin("jobs");
    }

    @Override
    public void deleteJob(Job job) {
        requireAdmin("jobs");
    }

    @Override
    public void deleteHistoryJob(HistoryJob job) {
        requireAdmin("jobs");
    }

    @Override
    public void accessBatchInfoById(Batch batch) {
        requireAdmin("batches");
    }

    @Override
    public void accessBatchInfoWithQuery(BatchQuery query) {
        requireAdmin("batches");
    }

    @Override
    public void deleteBatch(Batch batch) {
        requireAdmin("batches");
    }

    @Override
    public void accessBatchPartInfoOfBatch(Batch batch) {
        requireAdmin("batches");
    }

    @Override
    public void accessBatchPartInfoById(BatchPart part) {
        requireAdmin("batches");
    }

    @Override
    public void accessManagementInfo() {
        requireAdmin("management");
    }

    @Override
    public void accessTableInfo() {
        requireAdmin("tables");
    }

    // --- history -------------------------------------------------------------------------------

    @Override
    public void accessHistoryTaskInfoById(HistoricTaskInstance task) {
        requireHistoricTask(task);
    }

    @Override
    public void accessHistoryTaskInfoWithQuery(HistoricTaskInstanceQuery query, HistoricTaskInstanceQueryRequest request) {
        CurrentUser user = user();
        if (!user.isAdmin()) {
            var or = query.or().taskInvolvedUser(user.id());
            if (!user.groups().isEmpty()) {
                or = or.taskInvolvedGroups(user.groups());
            }
            or.endOr();
        }
    }

    @Override
    public void deleteHistoricTask(HistoricTaskInstance task) {
        requireAdmin("deleting history");
    }

    @Override
    public void accessHistoricTaskIdentityLinks(HistoricTaskInstance task) {
        requireHistoricTask(task);
    }

    @Override
    public void accessHistoryProcessInfoById(HistoricProcessInstance instance) {
        requireInstance(instance.getId());
    }

    @Override
    public void accessHistoryProcessInfoWithQuery(HistoricProcessInstanceQuery query, HistoricProcessInstanceQueryRequest request) {
        CurrentUser user = user();
        if (!user.isAdmin()) {
            var or = query.or().startedBy(user.id()).involvedUser(user.id());
            if (!user.groups().isEmpty()) {
                or = or.involvedGroups(groups(user));
            }
            or.endOr();
        }
    }

    @Override
    public void deleteHistoricProcess(HistoricProcessInstance instance) {
        requireAdmin("deleting history");
    }

    @Override
    public void accessHistoricProcessIdentityLinks(HistoricProcessInstance instance) {
        requireInstance(instance.getId());
    }

    @Override
    public void accessHistoryActivityInfoWithQuery(HistoricActivityInstanceQuery query, HistoricActivityInstanceQueryRequest request) {
        requireScope(request == null ? null : request.getProcessInstanceId(), null);
    }

    @Override
    public void accessHistoryDetailById(HistoricDetail detail) {
        requireScope(detail.getProcessInstanceId(), detail.getTaskId());
    }

    @Override
    public void accessHistoryDetailInfoWithQuery(HistoricDetailQuery query, HistoricDetailQueryRequest request) {
        requireScope(request == null ? null : request.getProcessInstanceId(), request == null ? null : request.getTaskId());
    }

    @Override
    public void accessHistoryVariableInfoById(HistoricVariableInstance variable) {
        requireScope(variable.getProcessInstanceId(), variable.getTaskId());
    }

    @Override
    public void accessHistoryVariableInfoWithQuery(HistoricVariableInstanceQuery query, HistoricVariableInstanceQueryRequest request) {
        requireScope(request == null ? null : request.getProcessInstanceId(), request == null ? null : request.getTaskId());
    }

    @Override
    public void accessHistoricTaskLogWithQuery(HistoricTaskLogEntryQuery query, HistoricTaskLogEntryQueryRequest request) {
        requireScope(request == null ? null : request.getProcessInstanceId(), request == null ? null : request.getTaskId());
    }

    // --- identity: everyone reads (user and group pickers), admins write ----------------------

    @Override
    public void accessGroupInfoById(Group group) {}

    @Override
    public void accessGroupInfoWithQuery(GroupQuery query) {}

    @Override
    public void createGroup(GroupRequest request) {
        requireAdmin("identity changes");
    }

    @Override
    public void deleteGroup(Group group) {
        requireAdmin("identity changes");
    }

    @Override
    public void accessUserInfoById(User user) {}

    @Override
    public void accessUserInfoWithQuery(UserQuery query) {}

    @Override
    public void createUser(UserRequest request) {
        requireAdmin("identity changes");
    }

    @Override
    public void deleteUser(User user) {
        requireAdmin("identity changes");
    }

    // --- forms ---------------------------------------------------------------------------------

    @Override
    public void accessFormData(FormData formData) {
        if (formData instanceof TaskFormData taskForm && taskForm.getTask() != null) {
            requireTask(taskForm.getTask());
        } else if (formData instanceof StartFormData startForm && startForm.getProcessDefinition() != null) {
            requireDefinition(startForm.getProcessDefinition());
        }
    }

    @Override
    public void submitFormData(SubmitFormRequest request) {
        CurrentUser user = user();
        if (request.getTaskId() != null) {
            Task task = taskService.createTaskQuery().taskId(request.getTaskId()).singleResult();
            if (task == null) {
                throw Denials.hidden(user, "task", request.getTaskId());
            }
            requireActor(task, "submit its form");
            checkCompletion(task);
            List<String> names = new java.util.ArrayList<>();
            if (request.getProperties() != null) {
                request.getProperties().forEach(property -> names.add(property.getId()));
            }
            checkRunningVariables(task.getProcessDefinitionId(), names);
        } else if (request.getProcessDefinitionId() != null) {
            ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                    .processDefinitionId(request.getProcessDefinitionId()).singleResult();
            if (definition == null || !access.canStart(user, definition)) {
                throw Denials.hidden(user, "process definition", request.getProcessDefinitionId());
            }
            checkFormDataStart(definition, request);
        }
    }
}
