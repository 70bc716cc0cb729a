package io.opsflow.platform;

import io.opsflow.platform.identity.StaffCandidates;
import io.opsflow.platform.identity.UserSkills;
import io.opsflow.platform.staff.ShiftColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What staff members can do (电工, 水电, 绿化, …), as administrators record it on the user pages.
 * For modules that choose people by skill, such as work-order assignment; read-only.
 */
@Component
public class StaffSkills {

    private final UserSkills skills;
    private final ShiftColumn shifts;

    StaffSkills(UserSkills skills, ShiftColumn shifts) {
        this.skills = skills;
        this.shifts = shifts;
    }

    /** The user's skills, sorted; empty for an unknown user. */
    public List<String> skillsOf(String userId) {
        return skills.of(userId);
    }

    /** Ids of the users who have the skill, sorted; disabled accounts are left out. */
    public List<String> usersWithSkill(String skill) {
        return skills.enabledUsersWith(skill);
    }

    /**
     * A sub-select of one column {@code user_id} for modules that rank candidates in their own SQL
     * statement (e.g. work-order assignment) instead of loading every id.
     *
     * @param sql the select; embed it as {@code (sql)} and bind {@code params} in order
     */
    public record CandidateSelect(String sql, List<Object> params) {}

    /**
     * Ids of the active staff (enabled accounts in the {@code staff} group, on duty in the staff
     * directory) who have all the skills, sorted; found with one query, whatever the size of the staff.
     */
    public List<String> activeStaffWithAll(Collection<String> requiredSkills) {
        return skills.activeStaffWithAll(requiredSkills);
    }

    /** The candidates of {@link #activeStaffWithAll} as a sub-select; the skills must not be empty. */
    public CandidateSelect activeStaffWithAllSelect(Collection<String> requiredSkills) {
        List<String> distinct = requiredSkills.stream().distinct().toList();
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("at least one skill is required");
        }
        return new CandidateSelect(UserSkills.candidatesSql(distinct.size()), List.copyOf(UserSkills.candidateParams(distinct)));
    }

    /**
     * The candidates of {@link #activeStaffWithAll} as a sub-select of two columns: {@code user_id} and
     * {@code on_shift}, 1 when a period of their weekly hours, read on their own time zone's clock,
     * covers {@code at}, else 0; the skills must not be empty. {@link #hasWorkingHours} tells the off
     * shift from those without hours for the few rows shown. Read from the platform's kept rows of
     * active staff by skill (decision 80): one index-only scan, whatever the size of the staff.
     */
    public CandidateSelect candidatesAt(Collection<String> requiredSkills, Instant at) {
        List<String> distinct = requiredSkills.stream().distinct().toList();
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("at least one skill is required");
        }
        ShiftColumn.OnShift shift = shifts.at("cz.user_id", "cz.time_zone", "cz.shift_map", at);
        List<Object> params = new ArrayList<>(UserSkills.candidateParams(distinct));
        params.addAll(shift.params());
        return new CandidateSelect("select cz.user_id, " + shift.expression() + " as on_shift from ("
                + StaffCandidates.withAllSql(distinct.size()) + ") cz" + shift.joins(), List.copyOf(params));
    }

    /** An SQL condition on the user id column {@code userId}: the person has working hours recorded. */
    public static String hasWorkingHours(String userId) {
        return ShiftColumn.hasHours(userId);
    }

    /**
     * Whether work may be given to the user: it exists, is in {@code staff}, its account is enabled
     * and it is on duty (not on leave) in the staff directory.
     */
    public boolean isActiveStaff(String userId) {
        return userId != null && skills.isActiveStaff(userId);
    }

    /** Every skill at least one user has, sorted. */
    public List<String> knownSkills() {
        return skills.all();
    }
}
