package io.opsflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.approval.assignee.OrgChart;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shipped {@code approval} process from processes/: the starter's supervisor, then any one admin. */
@OpsflowIntegrationTest
class ShippedApprovalProcessTest {

    @Autowired ApprovalFixtures fx;
    @Autowired OrgChart orgChart;

    @Test
    void supervisorThenOneAdminApproves() {
        String staff = fx.user("ship-staff", "staff"), boss = fx.user("ship-boss", "supervisor");
        orgChart.set(staff, boss, "test");
        String id = fx.start(ApprovalConventions.SHIPPED_KEY, staff, Map.of("title", "New laptop", "reason", "old one broke"));
        assertThat(fx.assignees(id)).containsExactly(boss);
        fx.approve(id, boss);
        assertThat(fx.assignees(id)).contains("admin");
        fx.approve(id, "admin");
        assertThat(fx.ended(id)).isTrue();
        assertThat(fx.result(id)).isEqualTo("approved");
    }
}
