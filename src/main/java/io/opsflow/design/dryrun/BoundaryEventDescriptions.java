package io.opsflow.design.dryrun;

import java.util.List;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.CancelEventDefinition;
import org.flowable.bpmn.model.ConditionalEventDefinition;
import org.flowable.bpmn.model.ErrorEventDefinition;
import org.flowable.bpmn.model.EscalationEventDefinition;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.MessageEventDefinition;
import org.flowable.bpmn.model.SignalEventDefinition;
import org.flowable.bpmn.model.TimerEventDefinition;

/** What the boundary events of an activity wait for and where each leads; the text is the model's, nothing is evaluated. */
final class BoundaryEventDescriptions {

    private BoundaryEventDescriptions() {}

    static List<PathWalker.BoundaryEvent> of(Activity activity) {
        return activity.getBoundaryEvents().stream().map(BoundaryEventDescriptions::describe).toList();
    }

    private static PathWalker.BoundaryEvent describe(BoundaryEvent event) {
        EventDefinition definition = event.getEventDefinitions().isEmpty() ? null : event.getEventDefinitions().get(0);
        String leadsTo = event.getOutgoingFlows().isEmpty() ? null : event.getOutgoingFlows().get(0).getTargetRef();
        // Flowable's parser leaves cancelActivity false on error boundaries, but an error always ends the activity.
        boolean interrupting = event.isCancelActivity() || definition instanceof ErrorEventDefinition || definition instanceof CancelEventDefinition;
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
