package io.opsflow.design.lint;

import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowElementsContainer;

/** Every flow element of a model, sub-processes included. */
final class FlowElements {

    private FlowElements() {}

    static List<FlowElement> all(BpmnModel model) {
        List<FlowElement> result = new ArrayList<>();
        model.getProcesses().forEach(process -> collect(process, result));
        return result;
    }

    static <T extends FlowElement> List<T> all(BpmnModel model, Class<T> type) {
        return all(model).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static void collect(FlowElementsContainer container, List<FlowElement> result) {
        for (FlowElement element : container.getFlowElements()) {
            result.add(element);
            if (element instanceof FlowElementsContainer nested) {
                collect(nested, result);
            }
        }
    }

    static boolean isExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    /** A value from the file, cut short for a message. */
    static String quote(String value) {
        String text = value == null ? "" : value.strip();
        return "'" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'";
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
