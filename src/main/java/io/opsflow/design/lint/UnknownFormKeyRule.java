package io.opsflow.design.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;

/** A form key on a user task or start event that names no file in {@code forms/}. */
final class UnknownFormKeyRule implements LintRule {

    static final String RULE = "form-key-unknown";

    private final Set<String> formKeys;

    UnknownFormKeyRule(Set<String> formKeys) {
        this.formKeys = formKeys;
    }

    @Override
    public List<Problem> check(BpmnModel model) {
        List<Problem> problems = new ArrayList<>();
        FlowElements.all(model, UserTask.class).forEach(task -> check(task.getId(), task.getFormKey(), problems));
        FlowElements.all(model, StartEvent.class).forEach(start -> check(start.getId(), start.getFormKey(), problems));
        return problems;
    }

    private void check(String elementId, String formKey, List<Problem> problems) {
        if (!FlowElements.isBlank(formKey) && !FlowElements.isExpression(formKey) && !formKeys.contains(formKey)) {
            problems.add(Problem.error(elementId, RULE, "No form " + FlowElements.quote(formKey) + " in forms/: pick one of the existing forms."));
        }
    }
}
