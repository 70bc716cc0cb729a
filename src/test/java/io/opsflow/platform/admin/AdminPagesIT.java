package io.opsflow.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.StaffSkills;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.WebSession;
import io.opsflow.support.OpsflowIntegrationTest;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin pages end to end: what an administrator does in the browser, and what users then can do. */
@OpsflowIntegrationTest
class AdminPagesIT {

    private static final String PASSWORD = "tide-lamp-orchard";

    @LocalServerPort
    int port;

    @Autowired
    StaffSkills staffSkills;

    private WebSession admin;

    @BeforeEach
    void logInAsAdmin() {
        admin = new WebSession(port);
        assertThat(admin.logIn("admin", "admin-test-password").redirectsTo("/")).isTrue();
    }

    @Test
    void aCreatedUserCanLogInWithTheInitialPassword() {
        String id = TestUsers.uniqueId("new");

        var created = createUser(id, "someone@example.com", PASSWORD, "电工, 水电");

        assertThat(created.redirectsTo("/admin/users/" + id)).isTrue();
        assertThat(new WebSession(port).logIn(id, PASSWORD).redirectsTo("/")).isTrue();
        assertThat(staffSkills.skillsOf(id)).containsExactlyInAnyOrder("电工", "水电");
        assertThat(admin.get("/admin/users?q=" + id).body()).contains(id, "someone@example.com", "staff");
        assertThat(admin.get("/admin/users/" + id).body()).contains("电工").doesNotContain("$2a$");
    }

    @Test
    void invalidInputIsShownNextToTheFieldsAndNothingIsCreated() {
        String existing = TestUsers.uniqueId("dup");
        createUser(existing, "", PASSWORD, "");

        assertThat(createUser(existing, "", PASSWORD, "").body()).contains("already exists");
        String weak = TestUsers.uniqueId("weak");
        assertThat(createUser(weak, "", "short", "").body()).contains("at least 10 characters");
        assertThat(createUser(TestUsers.uniqueId("mail"), "not-an-email", PASSWORD, "").body())
                .contains("is not an email address");
        assertThat(createUser("Bad Id!", "", PASSWORD, "").body()).contains("lower-case letters");
        assertThat(admin.get("/admin/users?q=" + weak).body()).contains("No user matches.");
    }

    @Test
    void resettingThePasswordReplacesTheOldOne() {
        String id = TestUsers.uniqueId("reset");
        createUser(id, "", PASSWORD, "");
        assertThat(new WebSession(port).logIn(id, PASSWORD).redirectsTo("/")).isTrue();

        var reset = admin.submit("/admin/users/" + id, "/admin/users/" + id + "/password", "password", "new-river-stone-42");

        assertThat(reset.redirectsTo("/admin/users/" + id)).isTrue();
        assertThat(new WebSession(port).logIn(id, PASSWORD).redirectsTo("/login")).isTrue();
        assertThat(new WebSession(port).logIn(id, "new-river-stone-42").redirectsTo("/")).isTrue();
    }

    @Test
    void aDisabledUserCannotLogInUntilEnabledAgain() {
        String id = TestUsers.uniqueId("off");
        createUser(id, "", PASSWORD, "");

        admin.submit("/admin/users/" + id, "/admin/users/" + id + "/disable");

        assertThat(new WebSession(port).logIn(id, PASSWORD).redirectsTo("/login")).isTrue();
        assertThat(admin.get("/admin/users/" + id).body()).contains("Disabled");
        admin.submit("/admin/users/" + id, "/admin/users/" + id + "/enable");
        assertThat(new WebSession(port).logIn(id, PASSWORD).redirectsTo("/")).isTrue();
    }

    @Test
    void theAdminCannotDisableThemselvesOrDropTheirOwnAdminMembership() {
        var disable = admin.submit("/admin/users/admin", "/admin/users/admin/disable");
        assertThat(admin.get(URI.create(disable.location()).getPath()).body()).contains("You cannot disable your own account.");

        var dropAdmin = admin.submit("/admin/users/admin", "/admin/users/admin", "firstName", "Opsflow", "groups", "staff");
        assertThat(dropAdmin.status()).isEqualTo(200);
        assertThat(dropAdmin.body()).contains("You cannot remove your own admin membership");
        assertThat(admin.get("/admin/users").status()).isEqualTo(200);
    }

    @Test
    void aTeamGroupCanBeCreatedAndGetsMembersFromTheUserPage() {
        String team = TestUsers.uniqueId("team");
        String id = TestUsers.uniqueId("member");
        createUser(id, "", PASSWORD, "");

        var created = admin.submit("/admin/groups", "/admin/groups", "id", team, "name", "Team " + team);
        var edited = admin.submit("/admin/users/" + id, "/admin/users/" + id,
                "firstName", "Member", "groups", "staff", "groups", team, "skills", "绿化");

        assertThat(created.redirectsTo("/admin/groups")).isTrue();
        assertThat(edited.redirectsTo("/admin/users/" + id)).isTrue();
        assertThat(admin.get("/admin/groups").body()).contains("Team " + team, "/admin/users/" + id);
        assertThat(staffSkills.skillsOf(id)).containsExactly("绿化");
        assertThat(admin.submit("/admin/groups", "/admin/groups", "id", team, "name", "Again").body())
                .contains("already exists");
    }

    private WebSession.Response createUser(String id, String email, String password, String skills) {
        return admin.submit("/admin/users/new", "/admin/users",
                "id", id, "firstName", "New", "lastName", "User", "email", email, "password", password,
                "groups", "staff", "skills", skills);
    }
}
