package io.opsflow.design.dryrun;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.AdhocSubProcess;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ErrorEventDefinition;
import org.flowable.bpmn.model.EventSubProcess;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.UserTask;

/**
 * Walks a process from its start event the way the engine would with the sample variables, without
 * running anything: exclusive gateways and conditional flows are evaluated, user tasks say who would get
 * them, embedded sub-processes are entered at their start event and left through their outgoing flow,
 * boundary events are listed on their activity (and taken instead of the normal flow where the caller
 * chose one), everything else is passed through. Stops with a note at a loop, a fork (parallel or
 * inclusive gateway, several true conditions), a condition that cannot be evaluated, or a dead end.
 */
public final class PathWalker {

    static final int MAX_STEPS = 200;

    /** Evaluates an expression with the sample variables; throws {@link IllegalArgumentException} with a reason when it cannot. */
    public interface Evaluator {
        Object evaluate(String expression);
    }

    /** The members of an IDM group. */
    public interface Directory {
        List<String> members(String groupId);
    }

    /** Who would get a user task: assignee and candidates after evaluating expressions, plus the candidate groups' members. */
    public record Assignment(String assignee, List<String> candidateUsers, List<String> candidateGroups, List<String> groupMembers) {}

    /**
     * A boundary event of a step's activity: {@code kind} timer, error, message, signal, escalation, ...;
     * {@code trigger} the model's text ("timeDate ${dueAt}", "error E1"); {@code leadsTo} the target of its first outgoing flow.
     */
    public record BoundaryEvent(String id, String name, String kind, String trigger, boolean interrupting, String leadsTo) {}

    /**
     * One element on the path; {@code in} is the innermost embedded sub-process it is in (null at the top
     * level), {@code via} the sequence flow taken to reach it (null for a start event and a boundary event
     * taken), {@code calls} the process key a call activity would start.
     */
    public record Step(String elementId, String name, String kind, String in, String via, String note, Assignment assignment,
            String calls, List<BoundaryEvent> boundaryEvents) {}

    /** The path; {@code completed} when it reached an end event, otherwise {@code stoppedBecause} says why not. */
    public record Path(List<Step> steps, boolean completed, String stoppedBecause) {}

    private final Evaluator evaluator;
    private final Directory directory;

    public PathWalker(Evaluator evaluator, Directory directory) {
        this.evaluator = evaluator;
        this.directory = directory;
    }

    public Path walk(Process process) {
        return walk(process, Map.of());
    }

    /**
     * Walks the process taking, at each activity named in {@code boundaryChoices}, its chosen interrupting
     * boundary event instead of the normal flow.
     *
     * @throws IllegalArgumentException when a choice names no activity, no boundary event of it, or a non-interrupting one
     */
    public Path walk(Process process, Map<String, String> boundaryChoices) {
        Map<String, BoundaryEvent> taken = BoundaryEventDescriptions.chosen(process, boundaryChoices);
        StartEvent start = plainStart(process.getInitialFlowElement(), process.getFlowElements());
        if (start == null) {
            return new Path(List.of(), false, "The process has no plain start event to begin at.");
        }
        List<Step> steps = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        Deque<SubProcess> scopes = new ArrayDeque<>();
        FlowNode node = start;
        String via = null;
        while (true) {
            if (!visited.add(node.getId())) {
                return new Path(steps, false, "Loop: the path comes back to " + label(node) + "; a dry run stops here.");
            }
            if (steps.size() >= MAX_STEPS) {
                return new Path(steps, false, "More than " + MAX_STEPS + " steps.");
            }
            steps.add(step(node, via, scopes.peek()));
            FlowNode from = node;
            BoundaryEvent chosen = taken.get(node.getId());
            if (chosen != null) {
                node = (FlowNode) process.getFlowElement(chosen.id(), true);
                via = null;
                continue;
            }
            if (node instanceof SubProcess sub && entered(sub)) {
                StartEvent inner = plainStart(null, sub.getFlowElements());
                if (inner == null) {
                    return new Path(steps, false, "Sub-process " + label(sub) + " has no plain start event to begin at.");
                }
                scopes.push(sub);
                node = inner;
                via = null;
                continue;
            }
            if (node instanceof EndEvent end) {
                if (scopes.isEmpty()) {
                    return new Path(steps, true, null);
                }
                SubProcess sub = scopes.pop();
                var error = end.getEventDefinitions().stream().filter(ErrorEventDefinition.class::isInstance)
                        .map(ErrorEventDefinition.class::cast).findFirst();
                if (error.isPresent()) {
                    var catcher = BoundaryEventDescriptions.catcherOf(sub, error.get());
                    if (catcher.isEmpty()) {
                        return new Path(steps, false, "Error end event " + label(end) + " ends sub-process " + label(sub)
                                + " with an error no boundary event of it catches; a dry run stops here.");
                    }
                    node = catcher.get();
                    via = null;
                    continue;
                }
                from = sub;
            }
            Next next;
            try {
                next = next(from);
            } catch (IllegalArgumentException notEvaluated) {
                return new Path(steps, false, notEvaluated.getMessage());
            }
            if (next.reason != null) {
                return new Path(steps, false, next.reason);
            }
            via = next.flow.getId();
            if (!(next.flow.getTargetFlowElement() instanceof FlowNode target)) {
                return new Path(steps, false, "Flow " + via + " leads nowhere.");
            }
            node = target;
        }
    }

    /** Embedded sub-processes and transactions are walked inside; ad-hoc and event sub-processes have no path to follow. */
    private static boolean entered(SubProcess sub) {
        return !(sub instanceof AdhocSubProcess) && !(sub instanceof EventSubProcess);
    }

    private static StartEvent plainStart(FlowElement initial, Collection<FlowElement> elements) {
        if (initial instanceof StartEvent start) {
            return start;
        }
        return elements.stream().filter(StartEvent.class::isInstance).map(StartEvent.class::cast)
                .filter(e -> e.getEventDefinitions().isEmpty()).findFirst().orElse(null);
    }

    private record Next(SequenceFlow flow, String reason) {}

    private Next next(FlowNode node) {
        List<SequenceFlow> outgoing = node.getOutgoingFlows();
        if (outgoing.isEmpty()) {
            return new Next(null, label(node) + " has no outgoing flow.");
        }
        if (node instanceof Gateway && !(node instanceof ExclusiveGateway)) {
            return outgoing.size() == 1 && node.getIncomingFlows().size() <= 1 ? new Next(outgoing.get(0), null)
                    : new Next(null, kind(node) + " " + label(node) + " forks or joins; a dry run follows one path only.");
        }
        String defaultFlow = node instanceof ExclusiveGateway gateway ? gateway.getDefaultFlow()
                : node instanceof Activity activity ? activity.getDefaultFlow() : null;
        List<SequenceFlow> taken = new ArrayList<>();
        SequenceFlow fallback = null;
        for (SequenceFlow flow : outgoing) {
            if (flow.getId().equals(defaultFlow)) {
                fallback = flow;
            } else if (flow.getConditionExpression() == null || flow.getConditionExpression().isBlank()) {
                taken.add(flow);
            } else if (isTrue(flow)) {
                taken.add(flow);
            }
            if (node instanceof ExclusiveGateway && !taken.isEmpty()) {
                return new Next(taken.get(0), null);
            }
        }
        if (taken.isEmpty() && fallback != null) {
            return new Next(fallback, null);
        }
        if (taken.isEmpty()) {
            return new Next(null, "No outgoing flow of " + label(node) + " is true for these variables, and it has no default flow.");
        }
        if (taken.size() > 1) {
            return new Next(null, label(node) + " goes on along " + taken.size() + " flows at once; a dry run follows one path only.");
        }
        return new Next(taken.get(0), null);
    }

    private boolean isTrue(SequenceFlow flow) {
        Object value;
        try {
            value = evaluator.evaluate(flow.getConditionExpression().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The condition of " + flow.getId() + " (" + flow.getConditionExpression().strip()
                    + ") cannot be evaluated: " + e.getMessage());
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw new IllegalArgumentException("The condition of " + flow.getId() + " (" + flow.getConditionExpression().strip()
                + ") is not true or false but " + (value == null ? "empty" : "'" + value + "'") + ".");
    }

    private Step step(FlowNode node, String via, SubProcess in) {
        Assignment assignment = node instanceof UserTask task ? assignment(task) : null;
        String calls = node instanceof CallActivity call ? text(call.getCalledElement()) : null;
        List<BoundaryEvent> boundaries = node instanceof Activity activity ? BoundaryEventDescriptions.of(activity) : List.of();
        return new Step(node.getId(), node.getName(), kind(node), in == null ? null : in.getId(), via, note(node, calls), assignment,
                calls, boundaries);
    }

    private static String note(FlowNode node, String calls) {
        if (node instanceof UserTask) {
            return "waits for a person";
        }
        if (node instanceof CallActivity) {
            return "would start " + calls + " (not followed)";
        }
        if (node instanceof SubProcess sub) {
            return entered(sub) ? "sub-process, walked inside" : "sub-process without a path to follow (not entered)";
        }
        if (node instanceof StartEvent) {
            return eventSubProcesses(node.getParentContainer());
        }
        if (node instanceof org.flowable.bpmn.model.BoundaryEvent boundary) {
            return "taken instead of the normal flow of " + boundary.getAttachedToRefId();
        }
        if (node instanceof IntermediateCatchEvent) {
            return "waits for its timer, message or signal";
        }
        if (node instanceof Activity) {
            return "not run in a dry run; the variables it would set come from your sample";
        }
        return null;
    }

    /** Event sub-processes start on their own event, not on the path; the start event of their scope names them. */
    private static String eventSubProcesses(FlowElementsContainer scope) {
        if (scope == null) {
            return null;
        }
        List<String> names = scope.getFlowElements().stream().filter(EventSubProcess.class::isInstance).map(EventSubProcess.class::cast)
                .map(sub -> label(sub) + " (" + sub.getFlowElements().stream().filter(StartEvent.class::isInstance)
                        .map(StartEvent.class::cast).flatMap(e -> e.getEventDefinitions().stream()).findFirst()
                        .map(BoundaryEventDescriptions::kind).orElse("none") + ")")
                .toList();
        return names.isEmpty() ? null : "event sub-processes here, not followed: " + String.join(", ", names);
    }

    private Assignment assignment(UserTask task) {
        String assignee = text(task.getAssignee());
        List<String> users = list(task.getCandidateUsers());
        List<String> groups = list(task.getCandidateGroups());
        Set<String> members = new LinkedHashSet<>();
        groups.forEach(group -> members.addAll(directory.members(group)));
        return new Assignment(assignee, users, groups, List.copyOf(members));
    }

    private List<String> list(List<String> values) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            String resolved = text(value);
            if (resolved != null) {
                for (String part : resolved.split(",")) {
                    if (!part.isBlank()) {
                        result.add(part.strip());
                    }
                }
            }
        }
        return List.copyOf(result);
    }

    /** A plain value as it is; an expression evaluated, or a note in its place when it cannot be. */
    private String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.contains("${") && !value.contains("#{")) {
            return value.strip();
        }
        try {
            Object result = evaluator.evaluate(value.strip());
            return result == null ? null : result.toString();
        } catch (IllegalArgumentException e) {
            return value.strip() + " (cannot be resolved: " + e.getMessage() + ")";
        }
    }

    private static String label(FlowNode node) {
        return node.getName() == null || node.getName().isBlank() ? node.getId() : "'" + node.getName() + "' (" + node.getId() + ")";
    }

    static String kind(FlowElement element) {
        String simple = element.getClass().getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }
}
