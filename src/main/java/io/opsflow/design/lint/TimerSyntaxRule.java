package io.opsflow.design.lint;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.common.engine.impl.calendar.CronExpression;

/**
 * Timer definitions Flowable could not schedule: a date that is not ISO-8601, a duration that is not an
 * ISO-8601 duration, a cycle that is neither {@code R[n]/[start/]duration} nor a Quartz cron with a
 * seconds field, or a timer with nothing set. Expressions ({@code ${…}}) are computed at run time and pass.
 */
final class TimerSyntaxRule implements LintRule {

    static final String RULE = "timer-syntax";
    private static final DatatypeFactory DURATIONS = durations();

    @Override
    public List<Problem> check(BpmnModel model) {
        List<Problem> problems = new ArrayList<>();
        for (Event event : FlowElements.all(model, Event.class)) {
            event.getEventDefinitions().stream()
                    .filter(TimerEventDefinition.class::isInstance)
                    .map(TimerEventDefinition.class::cast)
                    .forEach(timer -> check(event.getId(), timer, problems));
        }
        return problems;
    }

    private static void check(String elementId, TimerEventDefinition timer, List<Problem> problems) {
        String problem;
        if (!FlowElements.isBlank(timer.getTimeDate())) {
            problem = isDate(timer.getTimeDate()) ? null : "The timer date " + FlowElements.quote(timer.getTimeDate())
                    + " is not an ISO-8601 date such as 2026-12-24T09:00:00Z.";
        } else if (!FlowElements.isBlank(timer.getTimeDuration())) {
            problem = isDuration(timer.getTimeDuration()) ? null : "The timer duration " + FlowElements.quote(timer.getTimeDuration())
                    + " is not an ISO-8601 duration such as PT4H or P2D.";
        } else if (!FlowElements.isBlank(timer.getTimeCycle())) {
            problem = isCycle(timer.getTimeCycle()) ? null : "The timer cycle " + FlowElements.quote(timer.getTimeCycle())
                    + " is neither a repeat such as R3/PT10M nor a Quartz cron with seconds such as 0 0 8 ? * MON-FRI.";
        } else {
            problem = "The timer has no date, duration or cycle.";
        }
        if (problem != null) {
            problems.add(Problem.error(elementId, RULE, problem));
        }
    }

    static boolean isDate(String text) {
        String value = text.strip();
        if (FlowElements.isExpression(value)) {
            return true;
        }
        for (var parser : List.<java.util.function.Consumer<String>>of(OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse)) {
            try {
                parser.accept(value);
                return true;
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return false;
    }

    static boolean isDuration(String text) {
        String value = text.strip();
        if (FlowElements.isExpression(value)) {
            return true;
        }
        try {
            DURATIONS.newDuration(value);
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException notDuration) {
            return false;
        }
    }

    static boolean isCycle(String text) {
        String value = text.strip();
        if (FlowElements.isExpression(value)) {
            return true;
        }
        if (value.startsWith("R")) {
            String[] parts = value.split("/");
            if (parts.length < 2 || parts.length > 3 || !parts[0].matches("R\\d*")) {
                return false;
            }
            for (int i = 1; i < parts.length; i++) {
                if (!isDuration(parts[i]) && !isDate(parts[i])) {
                    return false;
                }
            }
            return isDuration(parts[parts.length - 1]) || isDuration(parts[1]);
        }
        try {
            new CronExpression(value, null);
            return value.split("\\s+").length >= 6;
        } catch (java.text.ParseException | RuntimeException notCron) {
            return false;
        }
    }

    private static DatatypeFactory durations() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
