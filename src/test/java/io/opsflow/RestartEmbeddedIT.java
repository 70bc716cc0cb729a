package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.identity.UserSkills;
import io.opsflow.workorder.assignment.AssignmentRanking;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default set-up, as {@code ./mvnw spring-boot:run} has it: the embedded H2 file database keeps
 * users, deployments and running processes across a restart, and a restart deploys nothing new.
 */
class RestartEmbeddedIT {

    @TempDir
    Path dataDir;

    @Test
    void runningProcessesAndUsersSurviveARestart() {
        String instanceId;
        try (var first = start()) {
            var runtime = first.getBean(RuntimeService.class);
            instanceId = runtime.startProcessInstanceByKey("service-request").getId();
        }
        try (var second = start()) {
            assertThat(second.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(instanceId).count())
                    .isEqualTo(1);
            assertThat(second.getBean(RepositoryService.class).createProcessDefinitionQuery()
                            .processDefinitionKey("service-request").count())
                    .as("an unchanged process file makes no new version on restart")
                    .isEqualTo(1);
            assertThat(second.getBean(IdentityService.class).checkPassword("admin", "first-start-password")).isTrue();
        }
    }

    /**
     * Staff written into the database while the application was down (an import by SQL, or an upgrade
     * from before V48) are candidates as soon as it is up again (decision 80).
     */
    @Test
    void staffWrittenWhileDownAreCandidatesAfterARestart() throws Exception {
        String skill = "电工-restart";
        try (var first = start()) {
            String kept = TestUsers.create(first.getBean(IdentityService.class), "kept", Groups.STAFF);
            first.getBean(UserSkills.class).replace(kept, List.of(skill));
        }
        try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
            c.createStatement().executeUpdate("delete from app_staff_candidate");
            c.createStatement().executeUpdate("insert into ACT_ID_USER (ID_, REV_) values ('imported-electrician', 1)");
            c.createStatement().executeUpdate("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values ('imported-electrician', 'staff')");
            c.createStatement().executeUpdate("insert into app_user_skill (user_id, skill) values ('imported-electrician', '" + skill + "')");
        }
        try (var second = start()) {
            assertThat(second.getBean(AssignmentRanking.class).rank(List.of(skill)).candidateCount()).isEqualTo(2);
        }
    }

    private String url() {
        return "jdbc:h2:file:" + dataDir.resolve("opsflow") + ";DB_CLOSE_ON_EXIT=FALSE;MODE=LEGACY";
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OpsflowApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url(),
                        "--opsflow.admin.password=first-start-password",
                        "--flowable.async-executor-activate=false",
                        "--logging.level.root=warn");
    }
}
