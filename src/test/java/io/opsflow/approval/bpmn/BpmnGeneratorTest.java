package io.opsflow.approval.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.approval.model.ApprovalForm;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.ApproverNode.Assignee;
import io.opsflow.approval.model.ApproverNode.Method;
import io.opsflow.approval.model.ApproverNode.TimeoutAction;
import io.opsflow.approval.model.Branch;
import io.opsflow.approval.model.CcNode;
import io.opsflow.approval.model.Condition;
import io.opsflow.approval.model.ConditionNode;
import io.opsflow.approval.model.FormFieldSpec;
import io.opsflow.approval.model.Operator;
import io.opsflow.approval.model.ParallelNode;
import io.opsflow.approval.model.SimpleModel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.UserTask;
import org.junit.jupiter.api.Test;

class BpmnGeneratorTest {

    static SimpleModel everything() {
        var amount = FormFieldSpec.of("amount", "Amount", "number");
        return new SimpleModel("all-nodes", "All nodes", "d", new ApprovalForm(List.of(amount)), List.of(
                ApproverNode.of("seq", "Seq", Assignee.users("sam"), Method.SEQUENTIAL).withTimeout(4, 2, TimeoutAction.AUTO_APPROVE),
                new ConditionNode("cond", "Cond", List.of(new Branch("big", List.of(new Condition("amount", Operator.GT, "100")),
                        List.of(ApproverNode.of("ratio", "Ratio", Assignee.group("admin"), Method.RATIO).withRatio(60)))),
                        new Branch("else", List.of(), List.of())),
                new ParallelNode("par", "Par", List.of(
                        new Branch("a", List.of(), List.of(ApproverNode.of("anyOne", "Any", Assignee.users("sam"), Method.ANY))),
                        new Branch("b", List.of(), List.of(new CcNode("cc", "CC", List.of("sam"), List.of(), null))))),
                ApproverNode.of("countersign", "All", Assignee.users("sam", "lily"), Method.ALL)));
    }

    static BpmnModel parsed(String xml) {
        return new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                true, true, "UTF-8");
    }

    @Test
    void everyNodeTypeFollowsTheContractAndPassesFlowablesValidator() {
        String xml = BpmnGenerator.xml(everything(), "approval-all-nodes");
        assertThat(GeneratedBpmnCheck.problems(xml)).isEmpty();
        BpmnModel model = parsed(xml);
        assertThat(model.getTargetNamespace()).isEqualTo("opsflow-approval");
        var process = model.getMainProcess();
        for (String id : List.of("seq", "ratio", "anyOne", "countersign")) {
            UserTask task = (UserTask) process.getFlowElement(id);
            assertThat(task.getAssignee()).isEqualTo("${approver}");
            assertThat(task.getLoopCharacteristics().getInputDataItem()).isEqualTo(id + "_approvers");
            assertThat(task.getLoopCharacteristics().getElementVariable()).isEqualTo("approver");
            assertThat(task.getTaskListeners()).extracting(l -> l.getImplementation()).containsExactly("${approvalTally}");
            assertThat(NodeRules.approver(task)).isPresent();
            assertThat(process.getFlowElement(id + "_resolve")).isNotNull();
            ExclusiveGateway decision = (ExclusiveGateway) process.getFlowElement(id + "_decision");
            assertThat(decision.getDefaultFlow()).isNotNull();
        }
        assertThat(((UserTask) process.getFlowElement("seq")).getLoopCharacteristics().isSequential()).isTrue();
        assertThat(((UserTask) process.getFlowElement("countersign")).getLoopCharacteristics().isSequential()).isFalse();
        assertThat(((UserTask) process.getFlowElement("ratio")).getLoopCharacteristics().getCompletionCondition())
                .isEqualTo("${ratio_result != 'open' || ratio_approved * 100 >= 60 * nrOfInstances || ratio_rejected * 100 > 40 * nrOfInstances}");
        assertThat(((UserTask) process.getFlowElement("anyOne")).getLoopCharacteristics().getCompletionCondition())
                .isEqualTo("${anyOne_result != 'open' || anyOne_approved + anyOne_rejected > 0}");
        BoundaryEvent remind = (BoundaryEvent) process.getFlowElement("seq_remindTimer");
        assertThat(remind.isCancelActivity()).isFalse();
        assertThat(((org.flowable.bpmn.model.TimerEventDefinition) remind.getEventDefinitions().get(0)).getTimeCycle()).isEqualTo("R2/PT4H");
        BoundaryEvent timeout = (BoundaryEvent) process.getFlowElement("seq_timeoutTimer");
        assertThat(((org.flowable.bpmn.model.TimerEventDefinition) timeout.getEventDefinitions().get(0)).getTimeDuration()).isEqualTo("PT12H");
        ExclusiveGateway cond = (ExclusiveGateway) process.getFlowElement("cond");
        SequenceFlow big = process.findFlowElementsOfType(SequenceFlow.class).stream()
                .filter(f -> f.getSourceRef().equals("cond") && "big".equals(f.getName())).findFirst().orElseThrow();
        assertThat(big.getConditionExpression()).isEqualTo("${(execution.getVariable('amount') > 100)}");
        assertThat(cond.getDefaultFlow()).isNotEqualTo(big.getId());
        assertThat(process.getFlowElement("par")).isInstanceOf(org.flowable.bpmn.model.ParallelGateway.class);
        assertThat(process.getFlowElement("par_join")).isInstanceOf(org.flowable.bpmn.model.ParallelGateway.class);
        assertThat(((org.flowable.bpmn.model.ServiceTask) process.getFlowElement("cc")).getImplementation()).isEqualTo("${approvalCcStep}");
    }

    @Test
    void everyElementHasDiagramInterchangeAndNoShapesOverlapOnTheCentreLine() {
        BpmnModel model = parsed(BpmnGenerator.xml(everything(), "approval-all-nodes"));
        for (FlowElement element : model.getMainProcess().getFlowElements()) {
            if (element instanceof SequenceFlow) {
                assertThat(model.getFlowLocationGraphicInfo(element.getId())).as(element.getId()).hasSizeGreaterThanOrEqualTo(2);
            } else {
                assertThat(model.getGraphicInfo(element.getId())).as(element.getId()).isNotNull();
            }
        }
        var start = model.getGraphicInfo("approvalStart");
        var end = model.getGraphicInfo("approvalApproved");
        assertThat(end.getY()).isGreaterThan(start.getY());
        assertThat(end.getX() + end.getWidth() / 2).isEqualTo(start.getX() + start.getWidth() / 2);
    }

    @Test
    void aCdataEndMarkerInANameCannotBreakTheXml() {
        var model = new SimpleModel("x", "X", null, null, List.of(ApproverNode.of("a", "evil ]]> <x/>", Assignee.users("sam"), Method.ANY)));
        String xml = BpmnGenerator.xml(model, "approval-x");
        assertThat(GeneratedBpmnCheck.problems(xml)).isEmpty();
        assertThat(NodeRules.approver(parsed(xml).getMainProcess().getFlowElement("a")).orElseThrow().name()).isEqualTo("evil ]]> <x/>");
    }
}
