package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.OpsflowIntegrationTest;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Row 5 at engine level: async jobs get five tries, so conflicts at a join do not dead-letter them. */
@OpsflowIntegrationTest
class AsyncJobRetriesIT {

    @Autowired ProcessEngine engine;

    @Test
    void asyncJobsGetFiveTriesByDefault() {
        var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(config.getAsyncExecutorNumberOfRetries()).isEqualTo(5);
        assertThat(config.getJobServiceConfiguration().getAsyncExecutorNumberOfRetries()).isEqualTo(5);
    }
}
