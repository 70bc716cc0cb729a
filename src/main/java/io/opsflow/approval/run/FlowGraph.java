package io.opsflow.approval.run;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;

/**
 * The node graph of an approval process: which node reaches which along sequence flows (a boundary
 * event counts as a successor of the task it is attached to). Plain data, so return planning can be
 * unit-tested without an engine.
 */
public final class FlowGraph {

    private final Map<String, Set<String>> successors = new LinkedHashMap<>();
    private final Map<String, List<String>> incomingSources = new LinkedHashMap<>();
    private final Set<String> parallelGateways = new LinkedHashSet<>();

    private FlowGraph() {}

    public static FlowGraph of(Process process) {
        FlowGraph graph = new FlowGraph();
        for (FlowElement element : process.getFlowElements()) {
            if (element instanceof FlowNode node) {
                graph.successors.computeIfAbsent(node.getId(), k -> new LinkedHashSet<>());
                graph.incomingSources.computeIfAbsent(node.getId(), k -> new java.util.ArrayList<>());
                if (node instanceof ParallelGateway) {
                    graph.parallelGateways.add(node.getId());
                }
                if (node instanceof BoundaryEvent boundary && boundary.getAttachedToRefId() != null) {
                    graph.edge(boundary.getAttachedToRefId(), boundary.getId(), false);
                }
            }
        }
        for (FlowElement element : process.getFlowElements()) {
            if (element instanceof SequenceFlow flow) {
                graph.edge(flow.getSourceRef(), flow.getTargetRef(), true);
            }
        }
        return graph;
    }

    /** For tests: edges as "a>b" strings; ids starting with "fork" or "join" are parallel gateways. */
    static FlowGraph ofEdges(String... edges) {
        FlowGraph graph = new FlowGraph();
        for (String e : edges) {
            String[] ab = e.split(">");
            graph.successors.computeIfAbsent(ab[0], k -> new LinkedHashSet<>());
            graph.successors.computeIfAbsent(ab[1], k -> new LinkedHashSet<>());
            graph.incomingSources.computeIfAbsent(ab[0], k -> new java.util.ArrayList<>());
            graph.edge(ab[0], ab[1], true);
            for (String id : ab) {
                if (id.startsWith("fork") || id.startsWith("join")) {
                    graph.parallelGateways.add(id);
                }
            }
        }
        return graph;
    }

    private void edge(String from, String to, boolean sequenceFlow) {
        successors.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
        successors.computeIfAbsent(to, k -> new LinkedHashSet<>());
        if (sequenceFlow) {
            incomingSources.computeIfAbsent(to, k -> new java.util.ArrayList<>()).add(from);
        }
    }

    public boolean contains(String nodeId) {
        return successors.containsKey(nodeId);
    }

    /** Every node reachable from {@code from} (not including itself unless on a cycle). */
    public Set<String> downstreamOf(String from) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(successors.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(successors.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    public boolean reaches(String from, String to) {
        return downstreamOf(from).contains(to);
    }

    boolean isParallelJoin(String nodeId) {
        return parallelGateways.contains(nodeId) && incomingSources.getOrDefault(nodeId, List.of()).size() > 1;
    }

    List<String> incomingSources(String nodeId) {
        return incomingSources.getOrDefault(nodeId, List.of());
    }

    Collection<String> nodes() {
        return successors.keySet();
    }
}
