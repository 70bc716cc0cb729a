package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.WebSession;
import java.net.URI;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Row 26 (session part): a form login on A gives a session that B does not accept; after logout on
 * A the old cookie is refused on A and on B.
 */
@Order(61)
@ExtendWith(FaultSuite.class)
class LogoutAcrossNodesFaultTest {

    private static final String PAGE = "/admin/users";

    @Test
    void theOldCookieIsRefusedOnBothNodesAfterLogoutOnA(Rig rig) {
        var cluster = rig.cluster;
        cluster.ensureStandard();
        int portA = URI.create(cluster.a.url()).getPort();
        int portB = URI.create(cluster.b.url()).getPort();

        var browser = new WebSession(portA);
        var login = browser.logIn("admin", Cluster.ADMIN_PASSWORD);
        String cookie = browser.sessionId();
        int onA = browser.get(PAGE).status();
        var onB = new WebSession(portB, cookie).get(PAGE);

        var logout = browser.submit(PAGE, "/logout");
        var reusedOnA = new WebSession(portA, cookie).get(PAGE);
        var reusedOnB = new WebSession(portB, cookie).get(PAGE);

        Figures.record(26, "form login on A: status / location / A page with the cookie", login.status() + " / " + login.location() + " / " + onA);
        Figures.record(26, "A's cookie on B before logout: status / location", onB.status() + " / " + onB.location());
        Figures.record(26, "after logout on A (" + logout.location() + ") the old cookie: on A / on B",
                reusedOnA.status() + " " + reusedOnA.location() + " / " + reusedOnB.status() + " " + reusedOnB.location());
        assertThat(cookie).isNotNull();
        assertThat(onA).isEqualTo(200);
        assertThat(refused(onB)).as("A's session on B").isTrue();
        assertThat(logout.location()).endsWith("/login?logout");
        assertThat(refused(reusedOnA)).as("old cookie on A").isTrue();
        assertThat(refused(reusedOnB)).as("old cookie on B").isTrue();
    }

    private static boolean refused(WebSession.Response response) {
        return response.status() == 401 || response.redirectsTo("/login");
    }
}
