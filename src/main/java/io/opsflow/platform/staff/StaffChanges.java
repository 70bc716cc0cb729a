package io.opsflow.platform.staff;

import java.util.List;

/**
 * A change to one staff directory entry. With PATCH, a null field stays as it is; with PUT every
 * field is replaced (null clears text fields and lists, {@code onDuty} defaults to true and
 * {@code timeZone} to UTC). {@code version} is always required.
 */
public record StaffChanges(
        Integer version, String email, String phone, String imId, List<String> teams, List<String> skills, Boolean onDuty,
        String timeZone, List<StaffMember.PeriodView> workingHours) {

    /** The PUT reading: nothing left as it was. */
    StaffChanges complete() {
        return new StaffChanges(version, email == null ? "" : email, phone == null ? "" : phone, imId == null ? "" : imId,
                teams == null ? List.of() : teams, skills == null ? List.of() : skills, onDuty == null ? Boolean.TRUE : onDuty,
                timeZone == null ? "UTC" : timeZone, workingHours == null ? List.of() : workingHours);
    }
}
