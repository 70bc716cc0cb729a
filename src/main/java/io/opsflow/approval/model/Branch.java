package io.opsflow.approval.model;

import java.util.List;

/** A branch of a condition or parallel node: its conditions (all must hold; none in a parallel branch) and its nested chain. */
public record Branch(String name, List<Condition> conditions, List<Node> nodes) {

    public Branch {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
