package io.opsflow.platform.admin;

import io.opsflow.platform.Groups;
import io.opsflow.platform.identity.Accounts;
import io.opsflow.platform.identity.UserSkills;
import io.opsflow.platform.identity.VerifiedCredentials;
import java.util.HashSet;
import java.util.List;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.Group;
import org.flowable.idm.api.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What an administrator may do to user accounts: create, edit, reset the password, disable, enable
 * and unlock. Each change is one transaction, is written to the audit log and makes every cached
 * login of the user be checked again.
 */
@Service
class UserAdministration {

    private static final Logger audit = LoggerFactory.getLogger("io.opsflow.audit");

    private final IdentityService identityService;
    private final Accounts accounts;
    private final UserSkills skills;
    private final VerifiedCredentials verifiedCredentials;
    private final UserRules rules;

    UserAdministration(IdentityService identityService, Accounts accounts, UserSkills skills,
            VerifiedCredentials verifiedCredentials, UserRules rules) {
        this.identityService = identityService;
        this.accounts = accounts;
        this.skills = skills;
        this.verifiedCredentials = verifiedCredentials;
        this.rules = rules;
    }

    @Transactional
    void create(String adminId, UserForms.NewUser input) {
        var problems = new InvalidInput.Problems();
        rules.checkNewUserId(problems, input.id());
        rules.checkProfile(problems, input.firstName(), input.lastName(), input.email());
        PasswordPolicy.problemWith(input.id(), input.password()).ifPresent(p -> problems.add("password", p));
        rules.checkGroups(problems, input.groups());
        List<String> userSkills = rules.skills(problems, input.skills(), input.groups());
        problems.throwIfAny();

        User user = identityService.newUser(input.id());
        setProfile(user, input.firstName(), input.lastName(), input.email());
        user.setPassword(input.password());
        identityService.saveUser(user);
        input.groups().forEach(group -> identityService.createMembership(input.id(), group));
        skills.replace(input.id(), userSkills);
        forgetCredentials(input.id());
        audit.info("admin {} created user {} in groups {}", adminId, input.id(), input.groups());
    }

    @Transactional
    void update(String adminId, String userId, UserForms.UserChanges input) {
        User user = existing(userId);
        var problems = new InvalidInput.Problems();
        rules.checkProfile(problems, input.firstName(), input.lastName(), input.email());
        rules.checkGroups(problems, input.groups());
        if (userId.equals(adminId) && !input.groups().contains(Groups.ADMIN)) {
            problems.add("groups", "You cannot remove your own admin membership; ask another administrator.");
        }
        List<String> userSkills = rules.skills(problems, input.skills(), input.groups());
        problems.throwIfAny();

        setProfile(user, input.firstName(), input.lastName(), input.email());
        identityService.saveUser(user);
        var current = new HashSet<>(identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList());
        current.stream().filter(g -> !input.groups().contains(g)).forEach(g -> identityService.deleteMembership(userId, g));
        input.groups().stream().filter(g -> !current.contains(g)).forEach(g -> identityService.createMembership(userId, g));
        skills.replace(userId, userSkills);
        forgetCredentials(userId);
        audit.info("admin {} updated user {}: groups {}, skills {}", adminId, userId, input.groups(), userSkills);
    }

    @Transactional
    void resetPassword(String adminId, String userId, String newPassword) {
        User user = existing(userId);
        PasswordPolicy.problemWith(userId, newPassword).ifPresent(p -> {
            throw InvalidInput.of("password", p);
        });
        user.setPassword(newPassword);
        identityService.updateUserPassword(user);
        forgetCredentials(userId);
        audit.info("admin {} reset password of {}", adminId, userId);
    }

    @Transactional
    void setDisabled(String adminId, String userId, boolean disabled) {
        existing(userId);
        if (disabled && userId.equals(adminId)) {
            throw InvalidInput.of("account", "You cannot disable your own account.");
        }
        accounts.setDisabled(userId, disabled);
        forgetCredentials(userId);
        audit.info("admin {} {} {}", adminId, disabled ? "disabled" : "enabled", userId);
    }

    @Transactional
    void unlock(String adminId, String userId) {
        existing(userId);
        accounts.unlock(userId);
        forgetCredentials(userId);
        audit.info("admin {} unlocked {}", adminId, userId);
    }

    private User existing(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw new UnknownUser(userId);
        }
        return user;
    }

    private static void setProfile(User user, String firstName, String lastName, String email) {
        user.setFirstName(UserRules.blankToNull(firstName));
        user.setLastName(UserRules.blankToNull(lastName));
        user.setEmail(UserRules.blankToNull(email));
        String display = ((firstName == null ? "" : firstName.strip()) + " " + (lastName == null ? "" : lastName.strip())).strip();
        user.setDisplayName(display.isEmpty() ? user.getId() : display);
    }

    /** Forgets now and again after commit, so a login racing this transaction cannot keep the old state cached. */
    private void forgetCredentials(String userId) {
        verifiedCredentials.forget(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    verifiedCredentials.forget(userId);
                }
            });
        }
    }
}
