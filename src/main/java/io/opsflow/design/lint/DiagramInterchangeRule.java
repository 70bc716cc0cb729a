package io.opsflow.design.lint;

import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.SequenceFlow;

/** Elements without a diagram shape or edge (BPMNDI): they exist but no modeller can show them. */
final class DiagramInterchangeRule implements LintRule {

    static final String RULE = "diagram-missing";

    @Override
    public List<Problem> check(BpmnModel model) {
        List<Problem> problems = new ArrayList<>();
        for (FlowElement element : FlowElements.all(model)) {
            if (element instanceof FlowNode && model.getGraphicInfo(element.getId()) == null) {
                problems.add(Problem.error(element.getId(), RULE, "This element has no shape in the diagram (BPMNDI): add it in the modeller."));
            } else if (element instanceof SequenceFlow && model.getFlowLocationGraphicInfo(element.getId()) == null) {
                problems.add(Problem.error(element.getId(), RULE, "This sequence flow has no edge in the diagram (BPMNDI)."));
            }
        }
        return problems;
    }
}
