package io.opsflow.approval.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One node of the chain; its id is the BPMN element id (identifier characters only). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ApproverNode.class, name = "approver"),
    @JsonSubTypes.Type(value = CcNode.class, name = "cc"),
    @JsonSubTypes.Type(value = ConditionNode.class, name = "condition"),
    @JsonSubTypes.Type(value = ParallelNode.class, name = "parallel")
})
public sealed interface Node permits ApproverNode, CcNode, ConditionNode, ParallelNode {

    String id();

    String name();
}
