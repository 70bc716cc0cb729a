package io.opsflow.approval.bpmn;

import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.CcNode;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;

/** The node rules of a deployed approval, read from its (cached) BPMN model inside engine calls. */
public final class ApprovalElements {

    private ApprovalElements() {}

    public static FlowElement element(String processDefinitionId, String elementId) {
        FlowElement element = ProcessDefinitionUtil.getProcess(processDefinitionId).getFlowElement(elementId, true);
        if (element == null) {
            throw new FlowableException("approval element " + elementId + " is not in " + processDefinitionId);
        }
        return element;
    }

    public static ApproverNode approver(String processDefinitionId, String nodeId) {
        return NodeRules.approver(element(processDefinitionId, nodeId))
                .orElseThrow(() -> new FlowableException("approval node " + nodeId + " has no opsflow:approver rule"));
    }

    public static CcNode cc(FlowElement element) {
        return NodeRules.cc(element)
                .orElseThrow(() -> new FlowableException("CC step " + element.getId() + " has no opsflow:cc rule"));
    }

    /** The node id a generated step belongs to: {@code approver_1_resolve} → {@code approver_1}. */
    public static String nodeOf(String stepId, String suffix) {
        if (stepId == null || !stepId.endsWith(suffix)) {
            throw new FlowableException("step " + stepId + " is not named <nodeId>" + suffix);
        }
        return stepId.substring(0, stepId.length() - suffix.length());
    }
}
