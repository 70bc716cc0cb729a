package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OpsflowApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("opsflow") + ";DB_CLOSE_ON_EXIT=FALSE;MODE=LEGACY",
                        "--opsflow.admin.password=first-start-password",
                        "--flowable.async-executor-activate=false",
                        "--logging.level.root=warn");
    }
}
