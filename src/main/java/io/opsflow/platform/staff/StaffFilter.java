package io.opsflow.platform.staff;

/**
 * What the staff list is narrowed to; null or blank parts match everyone.
 *
 * @param query part of the user id or name
 * @param onDuty true: on duty only, false: on leave only
 */
record StaffFilter(String skill, String team, Boolean onDuty, String query) {

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    StaffFilter {
        skill = blankToNull(skill);
        team = blankToNull(team);
        query = blankToNull(query);
    }
}
