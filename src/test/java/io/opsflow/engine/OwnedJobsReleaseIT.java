package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.OpsflowIntegrationTest;
import java.util.Date;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Row 8 of the reliability matrix at engine level: locks left by an earlier run of this node are released. */
@OpsflowIntegrationTest
class OwnedJobsReleaseIT {

    @Autowired ManagementService managementService;
    @Autowired OwnedJobsRelease release;
    @Autowired NodeIdentity node;

    @Test
    void jobsLockedByThisNodeBeforeACrashAreUnlockedAndOthersKeepTheirLocks() {
        String ours = lockedJob(node.id());
        String theirs = lockedJob("some-other-node");
        try {
            assertThat(release.releaseOwnedJobs()).isEqualTo(1);

            assertThat(managementService.createJobQuery().lockOwner(node.id()).count()).isZero();
            assertThat(managementService.createJobQuery().jobId(ours).unlocked().count()).isEqualTo(1);
            assertThat(managementService.createJobQuery().jobId(theirs).lockOwner("some-other-node").count()).isEqualTo(1);
        } finally {
            // Locked jobs cannot be deleted through the API; remove the test's jobs directly.
            managementService.executeCommand((Command<Void>) context -> {
                var jobs = CommandContextUtil.getProcessEngineConfiguration(context).getJobServiceConfiguration().getJobEntityManager();
                managementService.createJobQuery().list().stream().filter(job -> "fault-test-noop".equals(job.getJobHandlerType()))
                        .forEach(job -> jobs.delete(job.getId()));
                return null;
            });
        }
    }

    private String lockedJob(String owner) {
        return managementService.executeCommand((Command<String>) context -> {
            var jobs = CommandContextUtil.getProcessEngineConfiguration(context).getJobServiceConfiguration().getJobService();
            var job = jobs.createJob();
            job.setJobHandlerType("fault-test-noop");
            job.setJobType(Job.JOB_TYPE_MESSAGE);
            job.setRetries(1);
            job.setLockOwner(owner);
            job.setLockExpirationTime(new Date(System.currentTimeMillis() + 3_600_000));
            jobs.insertJob(job);
            return job.getId();
        });
    }
}
