package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowApplication;
import io.opsflow.support.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes started at the same moment on one new PostgreSQL database: both come up, the schema is
 * created once, every process file is deployed once and the admin user exists once.
 */
class TwoNodesStartClusterIT {

    private String database;

    @BeforeEach
    void freshDatabase() {
        try {
            database = TestDatabase.createPostgresDatabase("opsflow_cluster");
        } catch (SQLException e) {
            System.err.println("\n!!! SKIPPING TwoNodesStartClusterIT: no PostgreSQL server answered (" + e.getMessage() + ")\n");
            Assumptions.abort("PostgreSQL not available: " + e.getMessage());
        }
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            TestDatabase.dropPostgresDatabase(database);
        }
    }

    @Test
    void twoNodesStartingTogetherOnAnEmptyDatabaseDeployEverythingOnce() {
        var pool = Executors.newFixedThreadPool(2);
        try {
            var nodeA = CompletableFuture.supplyAsync(() -> start("nodeA"), pool);
            var nodeB = CompletableFuture.supplyAsync(() -> start("nodeB"), pool);
            try (var a = nodeA.join(); var b = nodeB.join()) {
                var repository = a.getBean(RepositoryService.class);
                assertThat(repository.createDeploymentQuery().deploymentName("service-request.bpmn20.xml").count())
                        .isEqualTo(1);
                assertThat(b.getBean(RepositoryService.class).createProcessDefinitionQuery()
                                .processDefinitionKey("service-request").count())
                        .isEqualTo(1);
                assertThat(b.getBean(IdentityService.class).createUserQuery().userId("admin").count()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private ConfigurableApplicationContext start(String node) {
        return new SpringApplicationBuilder(OpsflowApplication.class)
                .profiles("postgres")
                .run(List.of(
                                "--server.port=0",
                                "--spring.datasource.url=" + TestDatabase.url(database),
                                "--spring.datasource.username=" + TestDatabase.postgresUser(),
                                "--spring.datasource.password=" + TestDatabase.postgresPassword(),
                                "--spring.datasource.hikari.maximum-pool-size=5",
                                "--opsflow.node.id=" + node,
                                "--opsflow.admin.password=cluster-admin-password",
                                "--flowable.async-executor-activate=false",
                                "--spring.jmx.enabled=false",
                                "--logging.level.root=warn")
                        .toArray(String[]::new));
    }
}
