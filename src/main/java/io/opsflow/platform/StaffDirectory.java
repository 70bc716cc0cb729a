package io.opsflow.platform;

import io.opsflow.platform.staff.StaffRecords;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The staff directory for other modules: scheduled working hours and whether someone is on duty.
 * Supervisors edit it on {@code /staff} and through {@code /api/v1/staff}; contact channels live in
 * the user's IDM profile, where the messaging center reads them.
 */
@Component
public class StaffDirectory {

    private final StaffRecords records;

    StaffDirectory(StaffRecords records) {
        this.records = records;
    }

    /**
     * Scheduled working hours of the user from {@code from} (inclusive) to {@code to} (exclusive), from the weekly schedule in the
     * user's time zone; 0 for a user without a schedule (or unknown) and for an empty period.
     */
    public double workingHours(String userId, Instant from, Instant to) {
        if (userId == null || from == null || to == null) {
            return 0;
        }
        return records.hours(userId).hoursBetween(from, to);
    }

    /** On duty (not on leave); users without a directory entry are on duty. */
    public boolean isOnDuty(String userId) {
        return userId != null && records.onDuty(userId);
    }
}
