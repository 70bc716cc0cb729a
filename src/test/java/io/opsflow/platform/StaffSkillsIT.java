package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.identity.Accounts;
import io.opsflow.platform.identity.UserSkills;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OpsflowIntegrationTest
class StaffSkillsIT {

    @Autowired StaffSkills staffSkills;
    @Autowired UserSkills userSkills;
    @Autowired Accounts accounts;

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
    void replacingSkillsDropsTheOldOnes() {
        String user = TestUsers.uniqueId("gardener");
        userSkills.replace(user, List.of("绿化", "泥瓦"));

        userSkills.replace(user, List.of("木工"));

        assertThat(staffSkills.skillsOf(user)).containsExactly("木工");
    }
}
