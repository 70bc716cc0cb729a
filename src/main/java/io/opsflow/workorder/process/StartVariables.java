package io.opsflow.workorder.process;

import io.opsflow.workorder.order.EmergencyTemplate;
import io.opsflow.workorder.order.EmergencyTemplates;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import io.opsflow.workorder.order.NewWorkOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.flowable.engine.delegate.DelegateExecution;

/**
 * A work order described by the start variables of a process started directly (e.g. through
 * {@code /process-api}): title, skills (a list or a comma-separated text) or templateCode, location,
 * dueAt (ISO-8601 date-time or a date) or dueInHours, priority (0-100, default 50) and checklist (optional).
 */
final class StartVariables {

    private StartVariables() {}

    static NewWorkOrder read(DelegateExecution execution, EmergencyTemplates templates, String startedBy, Clock clock) {
        String templateCode = text(execution.getVariable("templateCode"));
        EmergencyTemplate template = templateCode == null ? null : templates.require(templateCode);
        List<String> skills = list(execution.getVariable("skills"));
        if (skills.isEmpty() && template != null) {
            skills = template.skills();
        } else {
            templates.checkSkills(skills);
        }
        List<String> checklist = list(execution.getVariable("checklist"));
        if (checklist.isEmpty() && template != null) {
            checklist = template.checklist();
        }
        String title = text(execution.getVariable("title"));
        if (title == null && template != null) {
            title = template.name();
        }
        return new NewWorkOrder(title, templateCode, text(execution.getVariable("location")), skills, checklist,
                priority(execution.getVariable("priority")), dueAt(execution, clock), startedBy);
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).trim();
    }

    private static List<String> list(Object value) {
        Collection<?> items = value instanceof Collection<?> c ? c : value == null ? List.of() : Arrays.asList(String.valueOf(value).split(","));
        return items.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static int priority(Object value) {
        if (value == null) {
            return 50;
        }
        try {
            return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new InvalidWorkOrderInput("priority must be a whole number between 0 and 100");
        }
    }

    /** dueAt, or else dueInHours (1 to 720) from now, as the start form sends it. */
    private static Instant dueAt(DelegateExecution execution, Clock clock) {
        Object dueAt = execution.getVariable("dueAt");
        Object hours = execution.getVariable("dueInHours");
        if (dueAt != null || hours == null) {
            return instant(dueAt);
        }
        long value;
        try {
            value = hours instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(hours).trim());
        } catch (NumberFormatException e) {
            throw new InvalidWorkOrderInput("dueInHours must be a whole number of hours between 1 and 720");
        }
        if (value < 1 || value > 720) {
            throw new InvalidWorkOrderInput("dueInHours must be a whole number of hours between 1 and 720");
        }
        return clock.instant().plus(Duration.ofHours(value));
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(String.valueOf(value).trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidWorkOrderInput("dueAt must be an ISO-8601 date-time with offset, e.g. 2026-12-01T18:00:00Z");
        }
    }
}
