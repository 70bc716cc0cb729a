package io.opsflow.tasklist.task;

import io.opsflow.engine.ProcessAccess;
import io.opsflow.platform.CurrentUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/** The caller's process instances and one instance's diagram, variables and history. */
@Component
public class ProcessInstances {

    static final int LIST_SIZE = 50;
    private static final Set<String> NOT_ON_TIMELINE = Set.of("sequenceFlow");

    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final TaskService taskService;
    private final ProcessAccess access;
    private final ProcessDefinitionNames definitions;

    ProcessInstances(HistoryService historyService, RepositoryService repositoryService, TaskService taskService,
            ProcessAccess access, ProcessDefinitionNames definitions) {
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.taskService = taskService;
        this.access = access;
        this.definitions = definitions;
    }

    /** Instances the caller started or took part in, newest first. */
    public List<InstanceViews.Summary> mine(CurrentUser user) {
        return historyService.createHistoricProcessInstanceQuery().or().startedBy(user.id()).involvedUser(user.id()).endOr()
                .orderByProcessInstanceStartTime().desc().listPage(0, LIST_SIZE).stream().map(this::summary).toList();
    }

    public InstanceViews.Details details(CurrentUser user, String processInstanceId) {
        var instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance == null || !access.canSeeProcessInstance(user, processInstanceId)) {
            throw new TaskNotFoundException("Process instance");
        }
        var activities = historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().list();
        Set<String> active = new HashSet<>();
        Set<String> completed = new HashSet<>();
        activities.forEach(a -> (a.getEndTime() == null ? active : completed).add(a.getActivityId()));
        completed.removeAll(active);
        String svg = DiagramSvg.render(repositoryService.getBpmnModel(instance.getProcessDefinitionId()), active, completed);
        var variables = historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list().stream()
                .map(v -> new InstanceViews.Variable(v.getVariableName(), VariableText.of(v.getValue())))
                .sorted(Comparator.comparing(InstanceViews.Variable::name))
                .toList();
        return new InstanceViews.Details(summary(instance), svg, variables, timeline(activities, processInstanceId));
    }

    private List<InstanceViews.TimelineEntry> timeline(List<HistoricActivityInstance> activities, String processInstanceId) {
        List<InstanceViews.TimelineEntry> entries = new ArrayList<>();
        for (var a : activities) {
            if (NOT_ON_TIMELINE.contains(a.getActivityType())) {
                continue;
            }
            String name = a.getActivityName() == null ? a.getActivityId() : a.getActivityName();
            String detail = a.getEndTime() == null ? "in progress" : "done " + Times.text(a.getEndTime().toInstant());
            entries.add(new InstanceViews.TimelineEntry(a.getStartTime().toInstant(), name, detail, a.getAssignee()));
        }
        TaskComments.toViews(taskService.getProcessInstanceComments(processInstanceId))
                .forEach(c -> entries.add(new InstanceViews.TimelineEntry(c.time(), "Comment", c.message(), c.userId())));
        entries.sort(Comparator.comparing(InstanceViews.TimelineEntry::time));
        return entries;
    }

    private InstanceViews.Summary summary(HistoricProcessInstance instance) {
        var definition = definitions.of(instance.getProcessDefinitionId());
        return new InstanceViews.Summary(instance.getId(), ProcessDefinitionNames.displayName(definition), instance.getStartUserId(),
                instant(instance.getStartTime()), instant(instance.getEndTime()));
    }

    private static java.time.Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
