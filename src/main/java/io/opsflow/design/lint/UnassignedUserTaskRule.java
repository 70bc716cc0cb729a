package io.opsflow.design.lint;

import java.util.List;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.UserTask;

/** A user task nobody gets: no assignee, no candidate users, no candidate groups. */
final class UnassignedUserTaskRule implements LintRule {

    static final String RULE = "user-task-unassigned";

    @Override
    public List<Problem> check(BpmnModel model) {
        return FlowElements.all(model, UserTask.class).stream()
                .filter(task -> FlowElements.isBlank(task.getAssignee()) && task.getCandidateUsers().isEmpty()
                        && task.getCandidateGroups().isEmpty())
                .map(task -> Problem.error(task.getId(), RULE,
                        "Nobody gets this user task: set an assignee, candidate users or candidate groups."))
                .toList();
    }
}
