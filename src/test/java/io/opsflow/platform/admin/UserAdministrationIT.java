package io.opsflow.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.identity.Accounts;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.List;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

@OpsflowIntegrationTest
class UserAdministrationIT {

    private static final String PASSWORD = "tide-lamp-orchard";

    @Autowired
    UserAdministration administration;

    @Autowired
    IdentityService identityService;

    @Autowired
    Accounts accounts;

    private final Logger auditLogger = (Logger) LoggerFactory.getLogger("io.opsflow.audit");
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();
    private final String adminId = TestUsers.uniqueId("boss");

    @BeforeEach
    void listenToTheAuditLog() {
        audit.start();
        auditLogger.addAppender(audit);
    }

    @AfterEach
    void stopListening() {
        auditLogger.detachAppender(audit);
    }

    @Test
    void writesOneAuditLineForEachChange() {
        String id = TestUsers.uniqueId("audited");

        administration.create(adminId, newStaff(id, "someone@example.com"));
        administration.resetPassword(adminId, id, "another-long-secret");
        administration.setDisabled(adminId, id, true);
        administration.unlock(adminId, id);

        assertThat(audit.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "admin " + adminId + " created user " + id + " in groups [staff]",
                "admin " + adminId + " reset password of " + id,
                "admin " + adminId + " disabled " + id,
                "admin " + adminId + " unlocked " + id);
        assertThat(audit.list).noneMatch(e -> e.getFormattedMessage().contains(PASSWORD));
    }

    @Test
    void refusesBadInputWithAMessagePerFieldAndCreatesNothing() {
        String id = TestUsers.uniqueId("bad");
        var input = new UserForms.NewUser(id, "", null, "no-at-sign", "short", List.of("no-such-group"), "电工");

        assertThatThrownBy(() -> administration.create(adminId, input))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys(
                        "firstName", "email", "password", "groups", "skills"));
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();
    }

    @Test
    void updatesNamesEmailGroupsAndSkills() {
        String id = TestUsers.uniqueId("edited");
        administration.create(adminId, newStaff(id, ""));

        administration.update(adminId, id, new UserForms.UserChanges("王", "强", "wang@example.org",
                List.of(Groups.STAFF, Groups.SUPERVISOR), "泥瓦、绿化"));

        var user = identityService.createUserQuery().userId(id).singleResult();
        assertThat(user.getDisplayName()).isEqualTo("王 强");
        assertThat(user.getEmail()).isEqualTo("wang@example.org");
        assertThat(identityService.createGroupQuery().groupMember(id).list())
                .extracting(g -> g.getId())
                .containsExactlyInAnyOrder(Groups.STAFF, Groups.SUPERVISOR);
        assertThat(identityService.checkPassword(id, PASSWORD)).as("an edit keeps the password").isTrue();
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        String self = TestUsers.create(identityService, "self", Groups.ADMIN);

        assertThatThrownBy(() -> administration.setDisabled(self, self, true)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> administration.update(self, self, new UserForms.UserChanges("Me", "", "", List.of(), "")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsKey("groups"));
        assertThat(accounts.state(self).disabled()).isFalse();
        assertThat(identityService.createGroupQuery().groupMember(self).groupId(Groups.ADMIN).count()).isEqualTo(1);
    }

    private static UserForms.NewUser newStaff(String id, String email) {
        return new UserForms.NewUser(id, "Test", "User", email, PASSWORD, List.of(Groups.STAFF), "");
    }
}
