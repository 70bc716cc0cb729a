package io.opsflow.design.lint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EventSubProcess;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.SubProcess;

/**
 * Flow nodes no path reaches: within each process or sub-process, walking the sequence flows from its
 * start events, from the boundary events of reached activities and from event sub-processes.
 */
final class UnreachableNodeRule implements LintRule {

    static final String RULE = "unreachable";

    @Override
    public List<Problem> check(BpmnModel model) {
        List<Problem> problems = new ArrayList<>();
        model.getProcesses().forEach(process -> check(process, problems));
        return problems;
    }

    private void check(FlowElementsContainer container, List<Problem> problems) {
        List<FlowNode> nodes = container.getFlowElements().stream()
                .filter(FlowNode.class::isInstance)
                .map(FlowNode.class::cast)
                .toList();
        Set<String> reached = new HashSet<>();
        Deque<FlowNode> todo = new ArrayDeque<>();
        nodes.stream().filter(node -> node instanceof StartEvent || node instanceof EventSubProcess).forEach(todo::add);
        while (!todo.isEmpty()) {
            FlowNode node = todo.pop();
            if (!reached.add(node.getId())) {
                continue;
            }
            for (SequenceFlow flow : node.getOutgoingFlows()) {
                if (flow.getTargetFlowElement() instanceof FlowNode target) {
                    todo.push(target);
                }
            }
            nodes.stream()
                    .filter(BoundaryEvent.class::isInstance)
                    .map(BoundaryEvent.class::cast)
                    .filter(boundary -> boundary.getAttachedToRefId() != null && boundary.getAttachedToRefId().equals(node.getId()))
                    .forEach(todo::push);
        }
        boolean hasStart = nodes.stream().anyMatch(node -> node instanceof StartEvent);
        for (FlowNode node : nodes) {
            if (hasStart && !reached.contains(node.getId())) {
                problems.add(Problem.warning(node.getId(), RULE, "No path from a start event reaches this element."));
            }
        }
        for (FlowElement element : container.getFlowElements()) {
            if (element instanceof SubProcess nested) {
                check(nested, problems);
            }
        }
    }
}
