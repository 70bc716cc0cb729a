package io.opsflow.design.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;

/** A form key on a user task or start event that names no form in the form store (the files of {@code forms/} and the designer's forms). */
final class UnknownFormKeyRule implements LintRule {

    static final String RULE = "form-key-unknown";

    private final Supplier<Set<String>> knownKeys;

    /** The keys are read on each check: a form saved in the designer is known at once. */
    UnknownFormKeyRule(Supplier<Set<String>> knownKeys) {
        this.knownKeys = knownKeys;
    }

    @Override
    public List<Problem> check(BpmnModel model) {
        Set<String> formKeys = knownKeys.get();
        List<Problem> problems = new ArrayList<>();
        FlowElements.all(model, UserTask.class).forEach(task -> check(task.getId(), task.getFormKey(), formKeys, problems));
        FlowElements.all(model, StartEvent.class).forEach(start -> check(start.getId(), start.getFormKey(), formKeys, problems));
        return problems;
    }

    private static void check(String elementId, String formKey, Set<String> formKeys, List<Problem> problems) {
        if (!FlowElements.isBlank(formKey) && !FlowElements.isExpression(formKey) && !formKeys.contains(formKey)) {
            problems.add(Problem.error(elementId, RULE, "No form " + FlowElements.quote(formKey) + " in forms/ or the form designer: pick one of the existing forms."));
        }
    }
}
