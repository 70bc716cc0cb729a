package io.opsflow.workorder.plan;

import io.opsflow.workorder.order.EmergencyTemplate;
import io.opsflow.workorder.order.EmergencyTemplates;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link PlanDraft} into a checked plan or a 400 naming the first problem: unknown template or
 * skill (the same check templates get), no locations, a bad cron, an unknown zone, end before start.
 */
@Component
class PlanRules {

    static final int MAX_LOCATIONS = 50;

    private final EmergencyTemplates templates;
    private final PlanSettings settings;

    PlanRules(EmergencyTemplates templates, PlanSettings settings) {
        this.templates = templates;
        this.settings = settings;
    }

    /** The draft as a plan without identity or state (id, status, version are filled by the store). */
    RecurringPlan check(PlanDraft d) {
        EmergencyTemplate template = d.templateCode() == null || d.templateCode().isBlank() ? null : templates.require(d.templateCode().trim());
        List<String> skills = clean(d.skills());
        if (skills.isEmpty() && template != null) {
            skills = template.skills();
        }
        templates.checkSkills(skills);
        List<String> checklist = clean(d.checklist());
        if (checklist.isEmpty() && template != null) {
            checklist = template.checklist();
        }
        if (checklist.size() > 30 || checklist.stream().anyMatch(s -> s.length() > 500)) {
            throw new InvalidWorkOrderInput("checklist has at most 30 steps of at most 500 characters");
        }
        String title = d.title() == null || d.title().isBlank() ? (template == null ? null : template.name()) : d.title().trim();
        if (title == null || title.length() > 200) {
            throw new InvalidWorkOrderInput("title is required (at most 200 characters)");
        }
        List<String> locations = clean(d.locations());
        if (locations.isEmpty() || locations.size() > MAX_LOCATIONS || locations.stream().anyMatch(l -> l.length() > 200)) {
            throw new InvalidWorkOrderInput("locations needs 1 to " + MAX_LOCATIONS + " places of at most 200 characters");
        }
        ZoneId zone = d.zone() == null || d.zone().isBlank() ? settings.zone() : PlanSchedule.zone(d.zone());
        LocalTime timeOfDay = time(d.timeOfDay());
        LocalDate start = date("startDate", d.startDate());
        LocalDate end = d.endDate() == null || d.endDate().isBlank() ? null : date("endDate", d.endDate());
        String cron = d.cron() == null || d.cron().isBlank() ? null : d.cron().trim().replaceAll("\\s+", " ");
        PlanSchedule.of(d.cycleDays(), cron, timeOfDay, start, end, zone);
        if (cron != null && d.timeOfDay() != null && !d.timeOfDay().isBlank()) {
            throw new InvalidWorkOrderInput("timeOfDay is for cycleDays plans; a cron expression carries its own times");
        }
        Duration dueAfter = dueAfter(d.dueAfter());
        int priority = d.priority() == null ? 50 : d.priority();
        if (priority < 0 || priority > 100) {
            throw new InvalidWorkOrderInput("priority must be between 0 and 100");
        }
        return new RecurringPlan(null, title, template == null ? null : template.code(), skills, checklist, locations,
                cron == null ? d.cycleDays() : null, cron, cron == null ? timeOfDay : LocalTime.MIDNIGHT, start, end, zone, dueAfter,
                priority, PlanStatus.ACTIVE, 0, null, null, null, null, null, null, null);
    }

    private static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(v -> v == null)) {
            throw new InvalidWorkOrderInput("lists may not contain null entries");
        }
        return values.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static LocalTime time(String text) {
        if (text == null || text.isBlank()) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidWorkOrderInput("timeOfDay must be HH:mm, e.g. 00:00 or 07:30");
        }
    }

    private static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidWorkOrderInput(name + " is required (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidWorkOrderInput(name + " must be a date yyyy-MM-dd, not '" + text + "'");
        }
    }

    private static Duration dueAfter(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ofHours(8);
        }
        try {
            Duration d = Duration.parse(text.trim());
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(366)) > 0) {
                throw new InvalidWorkOrderInput("dueAfter must be positive and at most 366 days");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidWorkOrderInput("dueAfter must be an ISO-8601 duration such as PT8H or P1D");
        }
    }
}
