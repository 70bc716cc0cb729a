package io.opsflow.workorder.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.WebSession;
import io.opsflow.platform.identity.Accounts;
import io.opsflow.platform.identity.UserSkills;
import io.opsflow.support.OpsflowIntegrationTest;
import io.opsflow.workorder.order.EmergencyTemplate;
import io.opsflow.workorder.order.EmergencyTemplates;
import java.util.List;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The supervisor pages over real HTTP with a session and CSRF tokens. */
@OpsflowIntegrationTest
class WorkOrderPagesIT {

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired UserSkills userSkills;
    @Autowired Accounts accounts;
    @Autowired EmergencyTemplates templates;

    private WebSession supervisor;
    private String skill;
    private String template;
    private String worker;

    @BeforeEach
    void setUp() {
        String supervisorId = TestUsers.create(identityService, "page-supervisor", Groups.SUPERVISOR);
        supervisor = new WebSession(port);
        assertThat(supervisor.logIn(supervisorId, TestUsers.PASSWORD).redirectsTo("/")).isTrue();
        skill = TestUsers.uniqueId("泥瓦");
        worker = staff("page-mason", skill);
        template = TestUsers.uniqueId("floor");
        templates.create(new EmergencyTemplate(template, "地面维修", List.of(skill), List.of("勘察现场", "准备材料", "施工", "清理")));
    }

    @Test
    void aSupervisorCreatesFromATemplateSeesWhyAndReassignsWithAReason() {
        assertThat(supervisor.get("/work-orders").body()).contains("New emergency work order").contains(template);

        var created = supervisor.submit("/work-orders", "/work-orders", "templateCode", template, "location", "A区 大堂",
                "priority", "75", "dueInHours", "2");

        assertThat(created.status()).isEqualTo(302);
        String detailPath = java.net.URI.create(created.location()).getPath();
        var detail = supervisor.get(detailPath);
        assertThat(detail.status()).as(detailPath + " " + detail.location()).isEqualTo(200);
        String page = detail.body();
        assertThat(page).contains("assigned to " + worker).contains("勘察现场").contains("id=\"explanation\"").contains(worker)
                .contains("id=\"reassign\"");

        String retired = staff("page-retired", skill);
        accounts.setDisabled(retired, true);
        String refused = supervisor.get(java.net.URI.create(supervisor.submit(detailPath, detailPath + "/reassign",
                "assignee", retired, "reason", "try").location()).getPath()).body();
        assertThat(refused).contains("is not an active staff member");
        assertThat(refused).contains("<dd class=\"col-8 col-md-10\" id=\"order-assignee\">" + worker + "</dd>");

        String colleague = staff("page-colleague", "other");
        var moved = supervisor.submit(detailPath, detailPath + "/reassign", "assignee", colleague, "reason", "离得近");
        String after = supervisor.get(java.net.URI.create(moved.location()).getPath()).body();
        assertThat(after).contains("id=\"order-assignee\">" + colleague + "</dd>").contains("OVERRIDE").contains("离得近");

        assertThat(supervisor.postWithoutToken(detailPath + "/reassign", "assignee", worker, "reason", "no token").status())
                .isEqualTo(403);
    }

    @Test
    void staffSeeTheirOwnOrdersWithoutTheSupervisorControls() {
        var created = supervisor.submit("/work-orders", "/work-orders", "templateCode", template, "location", "B区",
                "priority", "50", "dueInHours", "4");
        String detailPath = java.net.URI.create(created.location()).getPath();
        WebSession mason = new WebSession(port);
        mason.logIn(worker, TestUsers.PASSWORD);
        WebSession stranger = new WebSession(port);
        stranger.logIn(staff("page-stranger", "x"), TestUsers.PASSWORD);

        String own = mason.get(detailPath).body();
        assertThat(own).contains("勘察现场").doesNotContain("id=\"reassign\"").doesNotContain("New emergency work order");
        assertThat(mason.get("/work-orders").body()).doesNotContain("New emergency work order").contains("地面维修");
        assertThat(stranger.get(detailPath).status()).isEqualTo(404);
        assertThat(mason.submit("/work-orders", "/work-orders", "templateCode", template, "location", "C区").status()).isEqualTo(403);
    }

    private String staff(String prefix, String... skills) {
        String id = TestUsers.create(identityService, prefix, Groups.STAFF);
        userSkills.replace(id, List.of(skills));
        return id;
    }
}
