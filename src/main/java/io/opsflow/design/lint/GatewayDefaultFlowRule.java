package io.opsflow.design.lint;

import java.util.List;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.InclusiveGateway;

/**
 * An exclusive or inclusive gateway that splits without a default flow: when no condition holds the
 * instance fails at run time.
 */
final class GatewayDefaultFlowRule implements LintRule {

    static final String RULE = "gateway-no-default";

    @Override
    public List<Problem> check(BpmnModel model) {
        return FlowElements.all(model, Gateway.class).stream()
                .filter(gateway -> gateway instanceof ExclusiveGateway || gateway instanceof InclusiveGateway)
                .filter(gateway -> gateway.getOutgoingFlows().size() > 1 && FlowElements.isBlank(gateway.getDefaultFlow()))
                .map(gateway -> Problem.warning(gateway.getId(), RULE,
                        "This gateway has no default flow: if no condition is true the process stops with an error."))
                .toList();
    }
}
