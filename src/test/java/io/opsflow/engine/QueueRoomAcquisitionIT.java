package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.OpsflowIntegrationTest;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.job.service.impl.asyncexecutor.AbstractAsyncExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's job executor acquires async jobs with {@link QueueRoomAcquisition} (decision 0079). */
@OpsflowIntegrationTest
class QueueRoomAcquisitionIT {

    @Autowired ProcessEngineConfiguration engine;

    @Test
    void theApplicationsJobExecutorWaitsForQueueRoomInsteadOfFlowablesFullWait() {
        var executor = (AbstractAsyncExecutor) engine.getAsyncExecutor();

        assertThat(executor.getAsyncJobsDueRunnable()).isInstanceOf(QueueRoomAcquisition.class);
    }
}
