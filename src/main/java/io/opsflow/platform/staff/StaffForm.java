package io.opsflow.platform.staff;

import java.util.Arrays;
import java.util.List;

/**
 * What the staff edit page posts: texts as typed (skills separated by commas or 、, hours as lines
 * such as {@code Mon-Fri 08:00-17:00}) and the version the page was built from.
 */
public record StaffForm(
        Integer version, String email, String phone, String imId, List<String> teams, String skills, Boolean onDuty,
        String timeZone, String workingHours) {

    static StaffForm of(StaffMember m) {
        return new StaffForm(m.version(), nullToEmpty(m.email()), nullToEmpty(m.phone()), nullToEmpty(m.imId()), m.teams(),
                String.join(", ", m.skills()), m.onDuty(), m.timeZone(), m.workingHoursText());
    }

    /** The change it asks for; hours that cannot be read throw with a message for the field. */
    StaffChanges toChanges() {
        List<StaffMember.PeriodView> hours = StaffMember.periods(new WeeklyHours(java.time.ZoneOffset.UTC, WeeklyHours.parse(workingHours)));
        List<String> skillList = skills == null ? List.of() : Arrays.stream(skills.split("[,，、;；\\n]+")).map(String::strip).toList();
        return new StaffChanges(version, nullToEmpty(email), nullToEmpty(phone), nullToEmpty(imId), teams == null ? List.of() : teams,
                skillList, Boolean.TRUE.equals(onDuty), timeZone == null || timeZone.isBlank() ? "UTC" : timeZone, hours);
    }

    public boolean inTeam(String team) {
        return teams != null && teams.contains(team);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
