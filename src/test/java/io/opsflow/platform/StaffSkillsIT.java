package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.identity.Accounts;
import io.opsflow.platform.identity.UserSkills;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.List;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OpsflowIntegrationTest
class StaffSkillsIT {

    @Autowired StaffSkills staffSkills;
    @Autowired UserSkills userSkills;
    @Autowired Accounts accounts;
    @Autowired IdentityService identityService;

    @Test
    void findsSkillsByUserAndUsersBySkillLeavingOutDisabledAccounts() {
        String skill = "测试技能-" + TestUsers.uniqueId("s");
        String electrician = TestUsers.uniqueId("elec");
        String retired = TestUsers.uniqueId("retired");
        userSkills.replace(electrician, List.of("电工", skill));
        userSkills.replace(retired, List.of(skill));
        accounts.setDisabled(retired, true);

        assertThat(staffSkills.skillsOf(electrician)).containsExactlyInAnyOrder("电工", skill);
        assertThat(staffSkills.usersWithSkill(skill)).containsExactly(electrician);
        assertThat(staffSkills.knownSkills()).contains("电工", skill);
        assertThat(staffSkills.skillsOf(TestUsers.uniqueId("nobody"))).isEmpty();
    }

    @Test
    void activeStaffWithAllSkillsAreEnabledStaffMembersHavingEverySkill() {
        String wiring = "电工-" + TestUsers.uniqueId("s");
        String pipes = "水电-" + TestUsers.uniqueId("s");
        String both = TestUsers.create(identityService, "both", Groups.STAFF);
        String onlyWiring = TestUsers.create(identityService, "wiring", Groups.STAFF);
        String disabled = TestUsers.create(identityService, "disabled", Groups.STAFF);
        String notStaff = TestUsers.create(identityService, "supervisor", Groups.SUPERVISOR);
        userSkills.replace(both, List.of(wiring, pipes));
        userSkills.replace(onlyWiring, List.of(wiring));
        userSkills.replace(disabled, List.of(wiring, pipes));
        userSkills.replace(notStaff, List.of(wiring, pipes));
        accounts.setDisabled(disabled, true);

        assertThat(staffSkills.activeStaffWithAll(List.of(wiring, pipes))).containsExactly(both);
        assertThat(staffSkills.activeStaffWithAll(List.of(wiring))).containsExactlyInAnyOrder(both, onlyWiring);
        assertThat(staffSkills.activeStaffWithAll(List.of())).isEmpty();
        assertThat(staffSkills.isActiveStaff(both)).isTrue();
        assertThat(staffSkills.isActiveStaff(disabled)).isFalse();
        assertThat(staffSkills.isActiveStaff(notStaff)).isFalse();
        assertThat(staffSkills.isActiveStaff(TestUsers.uniqueId("nobody"))).isFalse();
    }

    @Test
    void replacingSkillsDropsTheOldOnes() {
        String user = TestUsers.uniqueId("gardener");
        userSkills.replace(user, List.of("绿化", "泥瓦"));

        userSkills.replace(user, List.of("木工"));

        assertThat(staffSkills.skillsOf(user)).containsExactly("木工");
    }
}
