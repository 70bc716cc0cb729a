package io.opsflow.approval.bpmn;

import io.opsflow.approval.ApprovalConventions;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.CcNode;
import io.opsflow.approval.model.ModelJson;
import java.util.List;
import java.util.Optional;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.ExtensionElement;

/**
 * A node's rule travels inside the BPMN as an {@code opsflow:approver} (or {@code opsflow:cc})
 * extension element holding the node's JSON, so a deployed definition is self-contained and the
 * beans read the rule of the element they run for.
 */
public final class NodeRules {

    static final String APPROVER = "approver";
    static final String CC = "cc";

    private NodeRules() {}

    static void attach(BaseElement element, String name, Object node) {
        ExtensionElement extension = new ExtensionElement();
        extension.setName(name);
        extension.setNamespace(ApprovalConventions.NAMESPACE);
        extension.setNamespacePrefix(ApprovalConventions.NAMESPACE_PREFIX);
        try {
            extension.setElementText(ModelJson.mapper().writer().withoutFeatures(
                    com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("node rule could not be written", e);
        }
        element.addExtensionElement(extension);
    }

    public static Optional<ApproverNode> approver(BaseElement element) {
        return text(element, APPROVER).map(json -> read(json, ApproverNode.class));
    }

    public static Optional<CcNode> cc(BaseElement element) {
        return text(element, CC).map(json -> read(json, CcNode.class));
    }

    private static Optional<String> text(BaseElement element, String name) {
        if (element == null) {
            return Optional.empty();
        }
        List<ExtensionElement> found = element.getExtensionElements().get(name);
        if (found == null || found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(found.get(0).getElementText());
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return ModelJson.mapper().readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the BPMN element's " + type.getSimpleName() + " rule is not valid JSON", e);
        }
    }
}
