package io.opsflow.workorder.plan;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a plan's cycles fall: every N days at a time of day from the start date, or at the times of a
 * Quartz cron expression, in the plan's time zone, never before the start date nor after the end date.
 * Plain and deterministic: the same plan and instant always give the same cycle times.
 */
public final class PlanSchedule {

    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final int MAX_DAYS = 3660;

    private final Integer everyDays;
    private final ExecutionTime cron;
    private final LocalTime timeOfDay;
    private final LocalDate startDate;
    private final LocalDate endDate;
    private final ZoneId zone;

    private PlanSchedule(Integer everyDays, ExecutionTime cron, LocalTime timeOfDay, LocalDate startDate, LocalDate endDate, ZoneId zone) {
        this.everyDays = everyDays;
        this.cron = cron;
        this.timeOfDay = timeOfDay;
        this.startDate = startDate;
        this.endDate = endDate;
        this.zone = zone;
    }

    /** Checks the cycle definition; a bad one is a 400 that names the problem. */
    public static PlanSchedule of(Integer everyDays, String cronExpression, LocalTime timeOfDay, LocalDate startDate, LocalDate endDate,
            ZoneId zone) {
        boolean hasCron = cronExpression != null && !cronExpression.isBlank();
        if ((everyDays == null) == !hasCron) {
            throw new InvalidWorkOrderInput("a plan needs either cycleDays (every N days) or cron (a Quartz cron expression), not both");
        }
        if (startDate == null) {
            throw new InvalidWorkOrderInput("startDate is required (yyyy-MM-dd)");
        }
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new InvalidWorkOrderInput("endDate " + endDate + " is before startDate " + startDate);
        }
        if (!hasCron) {
            if (everyDays < 1 || everyDays > MAX_DAYS) {
                throw new InvalidWorkOrderInput("cycleDays must be between 1 and " + MAX_DAYS);
            }
            return new PlanSchedule(everyDays, null, timeOfDay == null ? LocalTime.MIDNIGHT : timeOfDay, startDate, endDate, zone);
        }
        return new PlanSchedule(null, ExecutionTime.forCron(parseCron(cronExpression)), LocalTime.MIDNIGHT, startDate, endDate, zone);
    }

    /** A Quartz cron expression (seconds first, {@code ?} for day of month or week), or a 400 saying what is wrong. */
    public static com.cronutils.model.Cron parseCron(String expression) {
        try {
            return QUARTZ.parse(expression.trim()).validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidWorkOrderInput("cron '" + expression.trim() + "' is not a valid Quartz cron expression: "
                    + e.getMessage() + " (example: 0 0 8 ? * MON for 08:00 every Monday)");
        }
    }

    /** The zone id, or a 400 for an unknown one. */
    public static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            throw new InvalidWorkOrderInput("unknown time zone '" + id + "' (use an IANA id such as Asia/Shanghai)");
        }
    }

    /** The first cycle strictly after {@code after}, if the plan has one left. */
    public Optional<Instant> nextAfter(Instant after) {
        Optional<ZonedDateTime> next = everyDays != null ? nextDay(after) : nextCron(after);
        return next.filter(t -> endDate == null || !t.toLocalDate().isAfter(endDate)).map(ZonedDateTime::toInstant);
    }

    /** The next {@code count} cycles after {@code after}, for previews. */
    public List<Instant> next(Instant after, int count) {
        List<Instant> times = new ArrayList<>();
        Instant t = after;
        while (times.size() < count) {
            Optional<Instant> next = nextAfter(t);
            if (next.isEmpty()) {
                break;
            }
            times.add(next.get());
            t = next.get();
        }
        return times;
    }

    /** Every cycle in {@code (after, until]}, oldest first, at most {@code limit} of them (the newest ones). */
    public List<Instant> between(Instant after, Instant until, int limit) {
        List<Instant> times = new ArrayList<>();
        Instant t = after;
        while (true) {
            Optional<Instant> next = nextAfter(t);
            if (next.isEmpty() || next.get().isAfter(until)) {
                return times;
            }
            times.add(next.get());
            if (times.size() > limit) {
                times.remove(0);
            }
            t = next.get();
        }
    }

    private Optional<ZonedDateTime> nextDay(Instant after) {
        LocalDate afterDate = after.atZone(zone).toLocalDate();
        long k = Math.max(0, ChronoUnit.DAYS.between(startDate, afterDate) / everyDays - 1);
        for (int i = 0; i < 4; i++, k++) {
            ZonedDateTime candidate = startDate.plusDays(k * everyDays).atTime(timeOfDay).atZone(zone);
            if (candidate.toInstant().isAfter(after)) {
                return Optional.of(candidate);
            }
        }
        throw new IllegalStateException("no day cycle found after " + after);
    }

    private Optional<ZonedDateTime> nextCron(Instant after) {
        ZonedDateTime from = after.atZone(zone);
        ZonedDateTime startOfPlan = startDate.atStartOfDay(zone).minusSeconds(1);
        if (from.isBefore(startOfPlan)) {
            from = startOfPlan;
        }
        return cron.nextExecution(from);
    }
}
