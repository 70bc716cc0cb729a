package io.opsflow.design.dryrun;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.CancelEventDefinition;
import org.flowable.bpmn.model.ConditionalEventDefinition;
import org.flowable.bpmn.model.ErrorEventDefinition;
import org.flowable.bpmn.model.EscalationEventDefinition;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.MessageEventDefinition;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SignalEventDefinition;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.TimerEventDefinition;

/**
 * What the boundary events of an activity wait for and where each leads (the text is the model's, nothing is
 * evaluated), which of them a dry run takes on the caller's choice, and which catches an error thrown inside a sub-process.
 */
final class BoundaryEventDescriptions {

    private BoundaryEventDescriptions() {}

    /**
     * The caller's choices, activity id to boundary event id, checked against the process.
     *
     * @throws IllegalArgumentException when a choice names no activity, no boundary event of it, or a non-interrupting one
     */
    static Map<String, PathWalker.BoundaryEvent> chosen(Process process, Map<String, String> choices) {
        Map<String, PathWalker.BoundaryEvent> chosen = new HashMap<>();
        choices.forEach((activityId, boundaryId) -> {
            if (!(process.getFlowElement(activityId, true) instanceof Activity activity)) {
                throw new IllegalArgumentException("'" + activityId + "' is no activity of this process.");
            }
            PathWalker.BoundaryEvent event = of(activity).stream().filter(b -> b.id().equals(boundaryId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + boundaryId + "' is no boundary event of " + activityId + "."));
            if (!event.interrupting()) {
                throw new IllegalArgumentException("Boundary event " + boundaryId + " does not interrupt " + activityId
                        + ", so the normal path goes on; it is listed on the step.");
            }
            chosen.put(activityId, event);
        });
        return chosen;
    }

    /** The error boundary event of the sub-process that catches the error: the same error code, or one without a code. */
    static Optional<BoundaryEvent> catcherOf(SubProcess sub, ErrorEventDefinition thrown) {
        return sub.getBoundaryEvents().stream()
                .filter(boundary -> boundary.getEventDefinitions().stream().anyMatch(definition -> catches(definition, thrown)))
                .findFirst();
    }

    private static boolean catches(EventDefinition definition, ErrorEventDefinition thrown) {
        if (!(definition instanceof ErrorEventDefinition caught)) {
            return false;
        }
        String code = caught.getErrorCode();
        return code == null || code.isBlank() || code.equals(thrown.getErrorCode());
    }

    static List<PathWalker.BoundaryEvent> of(Activity activity) {
        return activity.getBoundaryEvents().stream().map(BoundaryEventDescriptions::describe).toList();
    }

    private static PathWalker.BoundaryEvent describe(BoundaryEvent event) {
        EventDefinition definition = event.getEventDefinitions().isEmpty() ? null : event.getEventDefinitions().get(0);
        String leadsTo = event.getOutgoingFlows().isEmpty() ? null : event.getOutgoingFlows().get(0).getTargetRef();
        // Flowable's parser leaves cancelActivity false on error boundaries, but an error always ends the activity.
        boolean interrupting = event.isCancelActivity() || definition instanceof ErrorEventDefinition
                || definition instanceof CancelEventDefinition;
        return new PathWalker.BoundaryEvent(event.getId(), event.getName(), kind(definition), trigger(definition), interrupting, leadsTo);
    }

    static String kind(EventDefinition definition) {
        if (definition == null) {
            return "none";
        }
        String simple = definition.getClass().getSimpleName().replace("EventDefinition", "");
        return simple.isEmpty() ? "none" : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    private static String trigger(EventDefinition definition) {
        if (definition instanceof TimerEventDefinition timer) {
            return first(labelled("timeDate", timer.getTimeDate()), labelled("timeDuration", timer.getTimeDuration()),
                    labelled("timeCycle", timer.getTimeCycle()));
        }
        if (definition instanceof ErrorEventDefinition error) {
            return error.getErrorCode() == null || error.getErrorCode().isBlank() ? "any error" : "error " + error.getErrorCode().strip();
        }
        if (definition instanceof MessageEventDefinition message) {
            return first(labelled("message", message.getMessageRef()), labelled("message", message.getMessageExpression()));
        }
        if (definition instanceof SignalEventDefinition signal) {
            return first(labelled("signal", signal.getSignalRef()), labelled("signal", signal.getSignalExpression()));
        }
        if (definition instanceof EscalationEventDefinition escalation) {
            return labelled("escalation", escalation.getEscalationCode());
        }
        if (definition instanceof ConditionalEventDefinition conditional) {
            return labelled("condition", conditional.getConditionExpression());
        }
        return null;
    }

    private static String labelled(String label, String value) {
        return value == null || value.isBlank() ? null : label + " " + value.strip();
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
