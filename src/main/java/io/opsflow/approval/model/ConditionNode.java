package io.opsflow.approval.model;

import java.util.List;

/** Exclusive branches: the first branch whose conditions all hold, else the default branch. */
public record ConditionNode(String id, String name, List<Branch> branches, Branch defaultBranch) implements Node {

    public ConditionNode {
        branches = branches == null ? List.of() : List.copyOf(branches);
    }
}
