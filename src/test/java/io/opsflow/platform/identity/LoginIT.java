package io.opsflow.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.WebSession;
import io.opsflow.support.OpsflowIntegrationTest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Form login, HTTP Basic, the lockout, sessions and CSRF, over real HTTP against the running server. */
@OpsflowIntegrationTest
class LoginIT {

    private static final String ADMIN_PASSWORD = "admin-test-password";
    private static final String API = "/api/v1/login-check";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void formLoginGivesANewSessionId() {
        String user = TestUsers.create(identityService, "login", Groups.STAFF);
        var browser = new WebSession(port);
        browser.get("/login");
        String before = browser.sessionId();

        var login = browser.logIn(user, TestUsers.PASSWORD);

        assertThat(before).isNotNull();
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.redirectsTo("/")).isTrue();
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/admin/users").status()).as("logged in as staff").isEqualTo(403);
        assertThat(new WebSession(port, before).get("/admin/users").redirectsTo("/login")).isTrue();
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefused() {
        String user = TestUsers.create(identityService, "csrf", Groups.STAFF);
        var browser = new WebSession(port);
        browser.get("/login");

        assertThat(browser.postWithoutToken("/login", "username", user, "password", TestUsers.PASSWORD).status())
                .isEqualTo(403);
        assertThat(browser.logIn(user, TestUsers.PASSWORD).redirectsTo("/")).isTrue();
        assertThat(browser.postWithoutToken("/logout").status()).isEqualTo(403);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFormLoginAndBasic() {
        String user = TestUsers.create(identityService, "lock", Groups.STAFF);
        var browser = new WebSession(port);
        for (int attempt = 1; attempt <= Accounts.MAX_FAILED_LOGINS; attempt++) {
            assertThat(browser.logIn(user, "wrong-password-" + attempt).redirectsTo("/login")).isTrue();
        }

        var sixth = browser.logIn(user, TestUsers.PASSWORD);

        assertThat(sixth.redirectsTo("/login")).isTrue();
        assertThat(browser.get("/login?error").body()).contains("locked until");
        var basic = browser.getWithBasic(API, user, TestUsers.PASSWORD);
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.body()).contains("locked until");
    }

    @Test
    void theLockEndsAfterFifteenMinutes() {
        String user = lockedUser();
        assertThat(new WebSession(port).getWithBasic(API, user, TestUsers.PASSWORD).status()).isEqualTo(401);

        jdbc.sql("update app_account set locked_until = ? where user_id = ?")
                .param(LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1))
                .param(user)
                .update();

        assertThat(new WebSession(port).logIn(user, TestUsers.PASSWORD).redirectsTo("/")).isTrue();
        assertThat(accounts.state(user).failedLogins()).isZero();
    }

    @Test
    void anAdminCanUnlockALockedAccount() {
        String user = lockedUser();
        var admin = new WebSession(port);
        admin.logIn("admin", ADMIN_PASSWORD);

        var unlock = admin.submit("/admin/users/" + user, "/admin/users/" + user + "/unlock");

        assertThat(unlock.redirectsTo("/admin/users/" + user)).isTrue();
        assertThat(new WebSession(port).logIn(user, TestUsers.PASSWORD).redirectsTo("/")).isTrue();
    }

    @Test
    void aDisabledAccountCannotLogIn() {
        String user = TestUsers.create(identityService, "disabled", Groups.STAFF);
        accounts.setDisabled(user, true);
        var browser = new WebSession(port);

        assertThat(browser.logIn(user, TestUsers.PASSWORD).redirectsTo("/login")).isTrue();
        assertThat(browser.get("/login?error").body()).contains("This account is disabled");
        var basic = browser.getWithBasic(API, user, TestUsers.PASSWORD);
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.body()).contains("disabled");
    }

    @Test
    void anAccountDisabledOnAnotherNodeIsRefusedDespiteTheCachedBasicLogin() {
        String user = TestUsers.create(identityService, "cached", Groups.INTEGRATOR);
        var api = new WebSession(port);
        assertThat(api.getWithBasic(API, user, TestUsers.PASSWORD).status()).isNotEqualTo(401);

        // Straight to the shared table, as another node would: this node's cache is not told.
        accounts.setDisabled(user, true);

        assertThat(api.getWithBasic(API, user, TestUsers.PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSessionSoItsCookieNoLongerWorks() {
        var admin = new WebSession(port);
        admin.logIn("admin", ADMIN_PASSWORD);
        String sessionId = admin.sessionId();
        assertThat(admin.get("/admin/users").status()).isEqualTo(200);

        var logout = admin.submit("/admin/users", "/logout");

        assertThat(logout.location()).endsWith("/login?logout");
        assertThat(new WebSession(port, sessionId).get("/admin/users").redirectsTo("/login")).isTrue();
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String user = TestUsers.create(identityService, "hash", Groups.STAFF);

        String stored = jdbc.sql("select PWD_ from ACT_ID_USER where ID_ = ?").param(user).query(String.class).single();

        assertThat(stored).matches("\\$2[aby]\\$\\d\\d\\$.{53}").doesNotContain(TestUsers.PASSWORD);
    }

    @Test
    void adminPagesAreForbiddenToStaff() {
        String user = TestUsers.create(identityService, "staff", Groups.STAFF);
        var browser = new WebSession(port);
        browser.logIn(user, TestUsers.PASSWORD);

        assertThat(browser.get("/admin/users").status()).isEqualTo(403);
        assertThat(browser.get("/admin/groups").status()).isEqualTo(403);
        assertThat(browser.submit("/login", "/admin/users/" + user + "/unlock").status()).isEqualTo(403);
    }

    private String lockedUser() {
        String user = TestUsers.create(identityService, "locked", Groups.STAFF);
        var api = new WebSession(port);
        for (int attempt = 1; attempt <= Accounts.MAX_FAILED_LOGINS; attempt++) {
            api.getWithBasic(API, user, "wrong-password");
        }
        assertThat(accounts.state(user).lockedUntil()).isPresent();
        return user;
    }
}
