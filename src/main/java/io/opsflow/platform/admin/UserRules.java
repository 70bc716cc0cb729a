package io.opsflow.platform.admin;

import io.opsflow.platform.Groups;
import io.opsflow.platform.identity.UserSkills;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.Group;
import org.springframework.stereotype.Component;

/** The checks on what an administrator enters for a user; problems are collected per field. */
@Component
class UserRules {

    static final Pattern ID = Pattern.compile("[a-z0-9._-]{2,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern SKILL_SEPARATORS = Pattern.compile("[,，、;；\\n]+");
    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_SKILLS = 20;

    private final IdentityService identityService;

    UserRules(IdentityService identityService) {
        this.identityService = identityService;
    }

    void checkNewUserId(InvalidInput.Problems problems, String id) {
        if (checkIdShape(problems, "id", id) && identityService.createUserQuery().userId(id).count() > 0) {
            problems.add("id", "A user '" + id + "' already exists.");
        }
    }

    void checkNewGroupId(InvalidInput.Problems problems, String id) {
        if (checkIdShape(problems, "id", id) && identityService.createGroupQuery().groupId(id).count() > 0) {
            problems.add("id", "A group '" + id + "' already exists.");
        }
    }

    private static boolean checkIdShape(InvalidInput.Problems problems, String field, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(field, "Use 2 to 64 characters: lower-case letters, digits, '.', '_' or '-'.");
            return false;
        }
        return true;
    }

    void checkProfile(InvalidInput.Problems problems, String firstName, String lastName, String email) {
        if (firstName == null || firstName.isBlank()) {
            problems.add("firstName", "Enter a first name (or the full name).");
        } else if (firstName.length() > MAX_NAME_LENGTH) {
            problems.add("firstName", "Use at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (lastName != null && lastName.length() > MAX_NAME_LENGTH) {
            problems.add("lastName", "Use at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (email != null && !email.isBlank() && (email.length() > 254 || !EMAIL.matcher(email.strip()).matches())) {
            problems.add("email", "'" + email.strip() + "' is not an email address.");
        }
    }

    void checkGroups(InvalidInput.Problems problems, List<String> groups) {
        var existing = new HashSet<>(identityService.createGroupQuery().list().stream().map(Group::getId).toList());
        groups.stream()
                .filter(g -> !existing.contains(g))
                .findFirst()
                .ifPresent(g -> problems.add("groups", "There is no group '" + g + "'."));
    }

    /** The skills in the free-text field, separated by commas, 、 or new lines; only staff members have skills. */
    List<String> skills(InvalidInput.Problems problems, String text, List<String> groups) {
        List<String> skills = text == null
                ? List.of()
                : Arrays.stream(SKILL_SEPARATORS.split(text)).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (!skills.isEmpty() && !groups.contains(Groups.STAFF)) {
            problems.add("skills", "Only members of the staff group have skills.");
        } else if (skills.size() > MAX_SKILLS) {
            problems.add("skills", "Give at most " + MAX_SKILLS + " skills.");
        } else if (skills.stream().anyMatch(s -> s.length() > UserSkills.MAX_SKILL_LENGTH)) {
            problems.add("skills", "A skill has at most " + UserSkills.MAX_SKILL_LENGTH + " characters.");
        }
        return skills;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
