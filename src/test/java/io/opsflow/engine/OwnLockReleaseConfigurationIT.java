package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.OpsflowIntegrationTest;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.job.service.impl.asyncexecutor.AbstractAsyncExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Row 8 of the reliability matrix at engine level. Flowable's job executor releases the locks of its
 * lock owner when it starts (left by a crash) and when it stops, but only with unlockOwnedJobs set
 * (Flowable's default; Opsflow sets it explicitly) and only for a lock owner that stays the same across
 * restarts (Flowable's default is random per start; Opsflow uses the stable node id). The
 * behaviour itself (kill -9, restart, jobs run at once) is RestartSameOwnerFaultTest of the fault suite.
 */
@OpsflowIntegrationTest
class OwnLockReleaseConfigurationIT {

    @Autowired ProcessEngineConfiguration engine;
    @Autowired NodeIdentity node;

    @Test
    void theJobExecutorReleasesThisNodesLocksAtStartAndShutdownUnderTheStableNodeId() {
        var executor = (AbstractAsyncExecutor) engine.getAsyncExecutor();

        assertThat(executor.getConfiguration().isUnlockOwnedJobs()).isTrue();
        assertThat(executor.getLockOwner()).isEqualTo(node.id());
    }
}
