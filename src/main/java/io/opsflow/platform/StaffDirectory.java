package io.opsflow.platform;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Staff working hours. This version knows no per-person schedule: every staff member works
 * {@code opsflow.staff.default-weekly-hours} (default 40) spread evenly over Monday to Friday
 * (8 h a day by default) in the zone {@code opsflow.staff.zone} (default UTC); Saturdays and Sundays
 * have no hours. The staff directory with per-person working hours replaces this implementation.
 */
@Component
public class StaffDirectory {

    private final double dailyHours;
    private final ZoneId zone;

    StaffDirectory(@Value("${opsflow.staff.default-weekly-hours:40}") double weeklyHours,
            @Value("${opsflow.staff.zone:UTC}") String zone) {
        if (weeklyHours < 0 || weeklyHours > 168) {
            throw new IllegalArgumentException("opsflow.staff.default-weekly-hours must be between 0 and 168");
        }
        this.dailyHours = weeklyHours / 5;
        this.zone = ZoneId.of(zone);
    }

    /**
     * Scheduled working hours of the user between {@code from} (inclusive) and {@code to} (exclusive);
     * a working day partly inside the period counts with the part of the day that is inside.
     */
    public double workingHours(String userId, Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from)) {
            return 0;
        }
        double hours = 0;
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.atStartOfDay(zone).toInstant().isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            ZonedDateTime start = day.atStartOfDay(zone);
            Instant dayStart = start.toInstant();
            Instant dayEnd = start.plusDays(1).toInstant();
            Instant overlapStart = from.isAfter(dayStart) ? from : dayStart;
            Instant overlapEnd = to.isBefore(dayEnd) ? to : dayEnd;
            if (overlapEnd.isAfter(overlapStart)) {
                double fraction = (double) Duration.between(overlapStart, overlapEnd).toSeconds()
                        / Duration.between(dayStart, dayEnd).toSeconds();
                hours += dailyHours * fraction;
            }
        }
        return hours;
    }
}
