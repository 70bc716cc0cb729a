package io.opsflow.engine.rest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EventListener;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Finds what in a BPMN deployment runs code chosen by its author: script tasks and script listeners,
 * {@code flowable:class}, {@code flowable:expression} (an expression may call any bean's method),
 * shell/camel/mule tasks, and {@code flowable:delegateExpression} unless it is exactly {@code ${name}}
 * naming an Opsflow bean. Designers may deploy models that only call Opsflow's named delegate beans;
 * anything else needs an admin. Also rejects DOCTYPEs outright (XXE, billion laughs), files too deep
 * or too large to parse safely ({@link BpmnShapeCheck}), and files that fail the BPMN schema or the
 * engine's model validation, so a malformed file is a 400 before Flowable's deployer turns it into a 500.
 */
@Component
public class CodeRunningModelCheck {

    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");
    private static final ProcessValidator VALIDATOR = new ProcessValidatorFactory().createDefaultProcessValidator();
    private static final List<String> CODE_RUNNING_TASK_TYPES = List.of("shell", "camel", "mule");

    private final ApplicationContext beans;

    CodeRunningModelCheck(ApplicationContext beans) {
        this.beans = beans;
    }

    /** The code-running elements of the BPMN resources, empty when there are none; 400 on invalid XML. */
    public List<String> findCodeRunningElements(Map<String, byte[]> resources) {
        List<String> findings = new ArrayList<>();
        resources.forEach((name, bytes) -> {
            if (isBpmn(name)) {
                findings.addAll(inspect(parse(name, bytes)));
            }
        });
        return findings;
    }

    private static boolean isBpmn(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml") || lower.endsWith(".bpmn.xml");
    }

    private static BpmnModel parse(String name, byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
        if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
            throw new FlowableIllegalArgumentException("Invalid BPMN: DOCTYPE and entity declarations are not allowed.");
        }
        BpmnShapeCheck.check(bytes);
        BpmnModel model;
        try {
            // Schema-validated like the deployment itself, so its errors are a 400 here instead of a 500 there.
            model = new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(bytes), true, true, "UTF-8");
        } catch (RuntimeException invalid) {
            // The parser's message can quote the file; never echo it.
            throw new FlowableIllegalArgumentException("Invalid BPMN: the file is not well-formed BPMN 2.0 XML.");
        }
        rejectValidationErrors(model);
        return model;
    }

    /** The engine's own model validation, reported by its fixed problem descriptions only (they quote nothing from the file). */
    private static void rejectValidationErrors(BpmnModel model) {
        List<String> problems = VALIDATOR.validate(model).stream()
                .filter(error -> !error.isWarning())
                .map(ValidationError::getDefaultDescription)
                .distinct()
                .limit(5)
                .toList();
        if (!problems.isEmpty()) {
            throw new FlowableIllegalArgumentException("Invalid BPMN: " + String.join("; ", problems));
        }
    }

    private List<String> inspect(BpmnModel model) {
        List<String> findings = new ArrayList<>();
        model.getProcesses().forEach(process -> {
            process.getEventListeners().forEach(listener -> checkEventListener(listener, findings));
            checkListeners(process.getId(), process.getExecutionListeners(), findings);
            inspectContainer(process, findings);
        });
        return findings;
    }

    private void inspectContainer(FlowElementsContainer container, List<String> findings) {
        for (FlowElement element : container.getFlowElements()) {
            if (element instanceof ScriptTask) {
                findings.add(element.getId() + ": scriptTask");
            }
            if (element instanceof ServiceTask task) {
                checkServiceTask(task, findings);
            }
            checkListeners(element.getId(), element.getExecutionListeners(), findings);
            if (element instanceof UserTask task) {
                checkListeners(element.getId(), task.getTaskListeners(), findings);
            }
            if (element instanceof FlowElementsContainer nested) {
                inspectContainer(nested, findings);
            }
        }
    }

    private void checkServiceTask(ServiceTask task, List<String> findings) {
        if (task.getType() != null && CODE_RUNNING_TASK_TYPES.contains(task.getType())) {
            findings.add(task.getId() + ": " + task.getType() + " task");
        }
        checkImplementation(task.getId(), task.getImplementationType(), task.getImplementation(), findings);
    }

    private void checkListeners(String owner, Collection<FlowableListener> listeners, List<String> findings) {
        for (FlowableListener listener : listeners) {
            if (listener.getScriptInfo() != null || "script".equalsIgnoreCase(listener.getImplementationType())) {
                findings.add(owner + ": script listener");
            } else {
                checkImplementation(owner, listener.getImplementationType(), listener.getImplementation(), findings);
            }
        }
    }

    private void checkEventListener(EventListener listener, List<String> findings) {
        checkImplementation("process event listener", listener.getImplementationType(), listener.getImplementation(), findings);
    }

    private void checkImplementation(String owner, String type, String implementation, List<String> findings) {
        if (ImplementationType.IMPLEMENTATION_TYPE_CLASS.equals(type)
                || ImplementationType.IMPLEMENTATION_TYPE_EXPRESSION.equals(type)) {
            findings.add(owner + ": " + type);
        } else if (ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION.equals(type) && !isOpsflowBean(implementation)) {
            findings.add(owner + ": delegateExpression not naming an Opsflow bean");
        }
    }

    private boolean isOpsflowBean(String expression) {
        var matcher = BEAN_REFERENCE.matcher(expression == null ? "" : expression);
        if (!matcher.matches() || !beans.containsBean(matcher.group(1))) {
            return false;
        }
        Class<?> type = beans.getType(matcher.group(1));
        return type != null && type.getName().startsWith("io.opsflow.");
    }
}
