package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.OpsflowIntegrationTest;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OpsflowIntegrationTest
class OpsflowStartsIT {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    IdentityService identityService;

    @Test
    void deploysTheShippedProcessesAndCreatesTheSystemGroupsAndAdmin() {
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("service-request").count())
                .isEqualTo(1);
        assertThat(identityService.createGroupQuery().groupId("supervisor").count()).isEqualTo(1);
        assertThat(identityService.checkPassword("admin", "admin-test-password")).isTrue();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void storesPasswordsOnlyAsBcryptHashes() {
        String stored = jdbc.sql("select PWD_ from ACT_ID_USER where ID_ = 'admin'").query(String.class).single();
        assertThat(stored).startsWith("$2").doesNotContain("admin-test-password");
    }
}
