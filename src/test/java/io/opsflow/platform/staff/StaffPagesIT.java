package io.opsflow.platform.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.Groups;
import io.opsflow.platform.StaffDirectory;
import io.opsflow.platform.StaffSkills;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.WebSession;
import io.opsflow.platform.identity.UserSkills;
import io.opsflow.support.OpsflowIntegrationTest;
import java.time.Instant;
import java.util.List;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The /staff pages as a supervisor uses them: filter the list, edit an entry with the form (CSRF). */
@OpsflowIntegrationTest
class StaffPagesIT {

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired UserSkills userSkills;
    @Autowired StaffSkills staffSkills;
    @Autowired StaffDirectory staffDirectory;

    WebSession supervisor;
    String worker;
    String skill;
    String team;

    @BeforeEach
    void setUp() {
        String supervisorId = TestUsers.create(identityService, "page-sup", Groups.SUPERVISOR);
        supervisor = new WebSession(port);
        assertThat(supervisor.logIn(supervisorId, TestUsers.PASSWORD).redirectsTo("/")).isTrue();
        skill = TestUsers.uniqueId("绿化");
        worker = TestUsers.create(identityService, "gardener", Groups.STAFF);
        userSkills.replace(worker, List.of(skill));
        team = TestUsers.uniqueId("team");
        var group = identityService.newGroup(team);
        group.setName("Team " + team);
        group.setType("team");
        identityService.saveGroup(group);
    }

    @Test
    void aSupervisorFindsAGardenerBySkillAndPutsThemOnLeaveWithHours() {
        assertThat(supervisor.get("/staff?skill=" + skill).body()).contains(worker, "on duty");

        var saved = supervisor.submit("/staff/" + worker, "/staff/" + worker, "version", "0", "skills", skill + "、木工",
                "workingHours", "Mon-Fri 08:00-17:00", "timeZone", "Asia/Shanghai", "email", worker + "@example.com",
                "phone", "+86 139 0000 0000", "imId", "", "teams", team);

        assertThat(saved.redirectsTo("/staff/" + worker)).isTrue();
        assertThat(staffSkills.activeStaffWithAll(List.of(skill))).isEmpty();
        assertThat(staffSkills.skillsOf(worker)).containsExactlyInAnyOrder(skill, "木工");
        // A week from Monday 2026-11-30 00:00 in Shanghai: 5 x 9 hours.
        assertThat(staffDirectory.workingHours(worker, Instant.parse("2026-11-29T16:00:00Z"), Instant.parse("2026-12-06T16:00:00Z")))
                .isEqualTo(45.0);
        assertThat(supervisor.get("/staff?skill=" + skill + "&duty=leave").body()).contains(worker, "on leave");
        assertThat(supervisor.get("/staff?skill=" + skill + "&duty=on").body()).doesNotContain(worker);
        assertThat(supervisor.get("/staff/" + worker).body()).contains("Mon-Fri 08:00-17:00", "+86 139 0000 0000", team);
        assertThat(identityService.createUserQuery().memberOfGroup(team).singleResult().getId()).isEqualTo(worker);
    }

    @Test
    void badHoursAndAStalePageAreShownAndChangeNothing() {
        var bad = supervisor.submit("/staff/" + worker, "/staff/" + worker, "version", "0", "onDuty", "true", "skills", skill,
                "workingHours", "Mon 18:00-08:00", "timeZone", "UTC");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("ends before it starts");

        supervisor.submit("/staff/" + worker, "/staff/" + worker, "version", "0", "onDuty", "true", "skills", skill, "timeZone", "UTC");
        var stale = supervisor.submit("/staff/" + worker, "/staff/" + worker, "version", "0", "skills", skill, "timeZone", "UTC");

        assertThat(stale.body()).contains("Someone else saved this entry meanwhile");
        assertThat(staffDirectory.isOnDuty(worker)).isTrue();
    }

    @Test
    void withoutTheCsrfTokenOrAsStaffTheFormIsRefused() {
        assertThat(supervisor.postWithoutToken("/staff/" + worker, "version", "0", "skills", "").status()).isEqualTo(403);
        assertThat(staffSkills.skillsOf(worker)).containsExactly(skill);
        WebSession staff = new WebSession(port);
        staff.logIn(worker, TestUsers.PASSWORD);
        assertThat(staff.get("/staff").status()).isEqualTo(403);
    }
}
