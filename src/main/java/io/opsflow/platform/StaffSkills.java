package io.opsflow.platform;

import io.opsflow.platform.identity.UserSkills;
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

    StaffSkills(UserSkills skills) {
        this.skills = skills;
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
     * Ids of the active staff (enabled accounts in the {@code staff} group) who have all the skills,
     * sorted; found with one query, whatever the size of the staff.
     */
    public List<String> activeStaffWithAll(Collection<String> requiredSkills) {
        return skills.activeStaffWithAll(requiredSkills);
    }

    /** Whether work may be given to the user: it exists, is in {@code staff} and its account is enabled. */
    public boolean isActiveStaff(String userId) {
        return userId != null && skills.isActiveStaff(userId);
    }

    /** Every skill at least one user has, sorted. */
    public List<String> knownSkills() {
        return skills.all();
    }
}
