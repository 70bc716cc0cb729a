package io.opsflow.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.Groups;
import io.opsflow.platform.StaffSkills;
import io.opsflow.platform.identity.UserSkills;
import io.opsflow.support.OpsflowIntegrationTest;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.transaction.PlatformTransactionManager;

/** Demo data is off in tests, so this runs the loader itself against the shared test database. */
@OpsflowIntegrationTest
class DemoDataIT {

    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired UserSkills userSkills;
    @Autowired StaffSkills staffSkills;
    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void loadsUsersTeamSkillsAndRunningRequestsOnceOnly() {
        DemoData demo = new DemoData(identityService, runtimeService, taskService, managementService, userSkills, transactionManager);

        demo.run(new DefaultApplicationArguments());

        for (var user : DemoData.USERS) {
            assertThat(identityService.checkPassword(user.id(), DemoData.PASSWORD)).as(user.id()).isTrue();
            assertThat(identityService.createGroupQuery().groupMember(user.id()).groupId(user.group()).count()).isEqualTo(1);
        }
        assertThat(identityService.createUserQuery().memberOfGroup(DemoData.TEAM).list())
                .extracting(u -> u.getId())
                .containsExactlyInAnyOrder("lily", "wang");
        assertThat(staffSkills.skillsOf("lily")).containsExactlyInAnyOrder("电工", "水电");
        assertThat(staffSkills.skillsOf("wang")).containsExactlyInAnyOrder("绿化", "泥瓦");
        assertThat(staffSkills.usersWithSkill("泥瓦")).contains("wang").doesNotContain("lily");

        var requests = runtimeService.createProcessInstanceQuery().processDefinitionKey("service-request").startedBy("sam").list();
        assertThat(requests).hasSize(3);
        assertThat(historyService.createHistoricVariableInstanceQuery().variableName("priority").list().stream()
                        .filter(v -> requests.stream().anyMatch(r -> r.getId().equals(v.getProcessInstanceId())))
                        .map(v -> v.getValue()))
                .containsExactlyInAnyOrder("75", "100", "25");
        var handleTasks = taskService.createTaskQuery().processDefinitionKey("service-request").taskCandidateOrAssigned("lily")
                .taskDefinitionKey("Task_HandleRequest").list().stream()
                .filter(t -> requests.stream().anyMatch(r -> r.getId().equals(t.getProcessInstanceId())))
                .toList();
        assertThat(handleTasks).hasSize(3);
        assertThat(handleTasks).extracting(Task::getAssignee).containsOnlyOnce("lily");

        long users = identityService.createUserQuery().count();
        long instances = runtimeService.createProcessInstanceQuery().count();
        demo.run(new DefaultApplicationArguments());

        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(identityService.createGroupQuery().groupId(DemoData.TEAM).singleResult().getType()).isEqualTo("team");
        assertThat(identityService.createGroupQuery().groupId(Groups.STAFF).count()).isEqualTo(1);
    }
}
