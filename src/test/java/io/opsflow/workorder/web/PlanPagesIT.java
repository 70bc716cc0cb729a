package io.opsflow.workorder.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.WebSession;
import io.opsflow.platform.identity.UserSkills;
import io.opsflow.support.OpsflowIntegrationTest;
import java.net.URI;
import java.util.List;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The plan pages over real HTTP with a session and CSRF tokens: preview, save, pause, resume, end; staff kept out. */
@OpsflowIntegrationTest
class PlanPagesIT {

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired UserSkills userSkills;

    private WebSession supervisor;
    private String skill;

    @BeforeEach
    void setUp() {
        String supervisorId = TestUsers.create(identityService, "plan-page-supervisor", Groups.SUPERVISOR);
        supervisor = new WebSession(port);
        assertThat(supervisor.logIn(supervisorId, TestUsers.PASSWORD).redirectsTo("/")).isTrue();
        skill = TestUsers.uniqueId("绿化");
        String gardener = TestUsers.create(identityService, "plan-page-gardener", Groups.STAFF);
        userSkills.replace(gardener, List.of(skill));
    }

    @Test
    void aSupervisorPreviewsSavesPausesResumesAndEndsAPlan() {
        String[] fields = {"title", "绿化浇水", "templateCode", "", "skills", skill, "priority", "50", "dueAfter", "PT8H",
            "locations", "A区花坛\nB区草坪", "checklist", "浇水", "cycleKind", "days", "cycleDays", "7", "timeOfDay", "00:00",
            "cron", "", "startDate", "2031-03-10", "endDate", "", "zone", "Asia/Shanghai"};
        assertThat(supervisor.get("/work-order-plans/new").body()).contains("New recurring plan").contains("Preview next 5");

        var preview = supervisor.submit("/work-order-plans/new", "/work-order-plans", with(fields, "action", "preview"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"preview\"").contains("Mon 2031-03-10 00:00 Asia/Shanghai")
                .contains("Mon 2031-04-07 00:00 Asia/Shanghai");

        var badCron = supervisor.submit("/work-order-plans/new", "/work-order-plans",
                with(replace(replace(fields, "cycleKind", "cron"), "cron", "0 0 25 * * ?"), "action", "save"));
        assertThat(badCron.body()).contains("is not a valid Quartz cron expression");

        var saved = supervisor.submit("/work-order-plans/new", "/work-order-plans", with(fields, "action", "save"));
        assertThat(saved.status()).isEqualTo(302);
        String detailPath = URI.create(saved.location()).getPath();
        String detail = supervisor.get(detailPath).body();
        assertThat(detail).contains("every 7 days at 00:00 (Asia/Shanghai)").contains("A区花坛, B区草坪").contains("id=\"pause-button\"")
                .contains("Mon 2031-03-10 00:00 Asia/Shanghai");

        var paused = supervisor.submit(detailPath, detailPath + "/pause", "version", "1");
        assertThat(supervisor.get(URI.create(paused.location()).getPath()).body()).contains("is now PAUSED").contains("id=\"resume-button\"");
        var stale = supervisor.submit(detailPath, detailPath + "/resume", "version", "1");
        assertThat(supervisor.get(URI.create(stale.location()).getPath()).body()).contains("changed by someone else");
        supervisor.submit(detailPath, detailPath + "/resume", "version", "2");
        var ended = supervisor.submit(detailPath, detailPath + "/end", "version", "3");
        String after = supervisor.get(URI.create(ended.location()).getPath()).body();
        assertThat(after).contains("is now ENDED").doesNotContain("id=\"plan-actions\"").contains("RESUMED").contains("PAUSED");
        assertThat(supervisor.postWithoutToken(detailPath + "/pause", "version", "4").status()).isEqualTo(403);
        assertThat(supervisor.get("/work-order-plans").body()).contains(detailPath);
    }

    @Test
    void staffCannotOpenThePlanPages() {
        String staffId = TestUsers.create(identityService, "plan-page-staff", Groups.STAFF);
        WebSession staff = new WebSession(port);
        staff.logIn(staffId, TestUsers.PASSWORD);
        assertThat(staff.get("/work-order-plans").status()).isEqualTo(403);
        assertThat(staff.get("/work-order-plans/new").status()).isEqualTo(403);
    }

    private static String[] with(String[] fields, String name, String value) {
        String[] all = java.util.Arrays.copyOf(fields, fields.length + 2);
        all[fields.length] = name;
        all[fields.length + 1] = value;
        return all;
    }

    private static String[] replace(String[] fields, String name, String value) {
        String[] copy = fields.clone();
        for (int i = 0; i < copy.length; i += 2) {
            if (copy[i].equals(name)) {
                copy[i + 1] = value;
            }
        }
        return copy;
    }
}
