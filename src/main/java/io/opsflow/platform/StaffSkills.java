package io.opsflow.platform;

import io.opsflow.platform.identity.UserSkills;
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

    /** Every skill at least one user has, sorted. */
    public List<String> knownSkills() {
        return skills.all();
    }
}
