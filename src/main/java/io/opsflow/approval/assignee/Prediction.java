package io.opsflow.approval.assignee;

import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.Branch;
import io.opsflow.approval.model.ConditionEvaluator;
import io.opsflow.approval.model.ConditionNode;
import io.opsflow.approval.model.Node;
import io.opsflow.approval.model.ParallelNode;
import io.opsflow.approval.model.SimpleModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The approvers of every approver node an approval would pass with the given form, before it is
 * started: condition branches are chosen as the generated gateways would choose them, every parallel
 * branch is included, and earlier predicted approvers count as having approved (for de-duplication).
 */
public final class Prediction {

    private final ApproverResolver resolver;

    public Prediction(People people) {
        this.resolver = new ApproverResolver(people);
    }

    public List<PredictedNode> predict(SimpleModel model, String starter, Map<String, Object> values) {
        List<PredictedNode> out = new ArrayList<>();
        walk(model, model.nodes(), starter, values, new LinkedHashSet<>(), out);
        return out;
    }

    private void walk(SimpleModel model, List<Node> nodes, String starter, Map<String, Object> values, Set<String> approved,
            List<PredictedNode> out) {
        for (Node node : nodes) {
            if (node instanceof ApproverNode approver) {
                Resolution r = resolver.resolve(approver, starter, values::get, approved);
                out.add(new PredictedNode(approver.id(), approver.name(), approver.method().name().toLowerCase(java.util.Locale.ROOT),
                        r.approvers(), r.result(), r.auto()));
                if (r.result().equals("rejected")) {
                    return;
                }
                approved.addAll(r.approvers());
            } else if (node instanceof ConditionNode condition) {
                Branch taken = condition.branches().stream()
                        .filter(b -> ConditionEvaluator.holds(b.conditions(), model.form(), values))
                        .findFirst()
                        .orElse(condition.defaultBranch());
                walk(model, taken.nodes(), starter, values, approved, out);
            } else if (node instanceof ParallelNode parallel) {
                for (Branch branch : parallel.branches()) {
                    walk(model, branch.nodes(), starter, values, approved, out);
                }
            }
        }
    }
}
