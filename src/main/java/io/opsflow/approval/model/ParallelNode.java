package io.opsflow.approval.model;

import java.util.List;

/** Parallel branches: every branch runs, the chain continues when all are done. */
public record ParallelNode(String id, String name, List<Branch> branches) implements Node {

    public ParallelNode {
        branches = branches == null ? List.of() : List.copyOf(branches);
    }
}
