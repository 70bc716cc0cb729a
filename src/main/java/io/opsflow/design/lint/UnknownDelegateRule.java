package io.opsflow.design.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.UserTask;

/**
 * Delegate expressions that do not name an Opsflow delegate bean, and code chosen by the author
 * ({@code flowable:class}, expressions, scripts), which only an admin may deploy.
 */
final class UnknownDelegateRule implements LintRule {

    static final String UNKNOWN = "delegate-unknown";
    static final String ADMIN_ONLY = "code-needs-admin";
    private static final Pattern BEAN = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");

    private final Predicate<String> isDelegate;

    UnknownDelegateRule(Predicate<String> isDelegate) {
        this.isDelegate = isDelegate;
    }

    @Override
    public List<Problem> check(BpmnModel model) {
        List<Problem> problems = new ArrayList<>();
        for (FlowElement element : FlowElements.all(model)) {
            if (element instanceof ServiceTask task && task.getType() == null) {
                implementation(task.getId(), task.getImplementationType(), task.getImplementation(), problems);
            }
            element.getExecutionListeners().forEach(listener -> listener(element.getId(), listener, problems));
            if (element instanceof UserTask task) {
                task.getTaskListeners().forEach(listener -> listener(element.getId(), listener, problems));
            }
            if (element instanceof org.flowable.bpmn.model.ScriptTask) {
                problems.add(Problem.warning(element.getId(), ADMIN_ONLY, "A script task runs code: only an admin may deploy it."));
            }
        }
        return problems;
    }

    private void listener(String elementId, FlowableListener listener, List<Problem> problems) {
        if (listener.getScriptInfo() != null || "script".equalsIgnoreCase(listener.getImplementationType())) {
            problems.add(Problem.warning(elementId, ADMIN_ONLY, "A script listener runs code: only an admin may deploy it."));
        } else {
            implementation(elementId, listener.getImplementationType(), listener.getImplementation(), problems);
        }
    }

    private void implementation(String elementId, String type, String implementation, List<Problem> problems) {
        if (ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION.equals(type)) {
            var bean = BEAN.matcher(implementation == null ? "" : implementation);
            if (!bean.matches()) {
                problems.add(Problem.warning(elementId, ADMIN_ONLY, "The delegate expression " + FlowElements.quote(implementation)
                        + " is not a plain ${beanName}: only an admin may deploy it."));
            } else if (!isDelegate.test(bean.group(1))) {
                problems.add(Problem.error(elementId, UNKNOWN, "No Opsflow delegate named " + FlowElements.quote(bean.group(1))
                        + ": pick one of the documented delegates."));
            }
        } else if (ImplementationType.IMPLEMENTATION_TYPE_CLASS.equals(type)) {
            problems.add(Problem.warning(elementId, ADMIN_ONLY, "flowable:class runs a Java class: only an admin may deploy it."));
        } else if (ImplementationType.IMPLEMENTATION_TYPE_EXPRESSION.equals(type)) {
            problems.add(Problem.warning(elementId, ADMIN_ONLY, "An expression may call any bean: only an admin may deploy it."));
        }
    }
}
