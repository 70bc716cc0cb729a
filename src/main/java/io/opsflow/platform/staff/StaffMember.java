package io.opsflow.platform.staff;

import java.util.List;

/**
 * One staff directory entry as the API and the pages show it.
 *
 * @param accountEnabled whether the login account is enabled (set by admins on the user pages)
 * @param onDuty on duty (true) or on leave (false), set by supervisors; only on-duty staff get work
 * @param version send it back with a change; a stale one answers 409
 */
public record StaffMember(
        String userId, String name, String email, String phone, String imId, List<String> teams, List<String> skills,
        boolean onDuty, boolean accountEnabled, String timeZone, List<PeriodView> workingHours, String workingHoursText,
        double weeklyHours, int version) {

    /** One working period: day MONDAY to SUNDAY, start and end as HH:mm (end 24:00 closes the day). */
    public record PeriodView(String day, String start, String end) {}

    static List<PeriodView> periods(WeeklyHours hours) {
        return hours.periods().stream().map(p -> new PeriodView(p.day().name(), p.start(), p.end())).toList();
    }
}
