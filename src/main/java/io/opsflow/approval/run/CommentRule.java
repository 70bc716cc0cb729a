package io.opsflow.approval.run;

import java.util.List;
import org.flowable.bpmn.model.ExtensionAttribute;
import org.flowable.bpmn.model.FlowElement;

/**
 * Whether an approver node needs a comment with the decision: the userTask carries the attribute
 * {@code commentRequired="true"} (any namespace, e.g. {@code opsflow:commentRequired}). Rejecting and
 * returning always need one.
 */
final class CommentRule {

    private CommentRule() {}

    static boolean required(FlowElement element) {
        if (element == null) {
            return false;
        }
        List<ExtensionAttribute> values = element.getAttributes().get("commentRequired");
        return values != null && values.stream().anyMatch(a -> "true".equalsIgnoreCase(a.getValue()));
    }
}
