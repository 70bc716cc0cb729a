package io.opsflow.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Engine settings that differ per deployment; everything else is Flowable's own {@code flowable.*}.
 *
 * @param processesLocation where the BPMN files to deploy at start-up are found
 * @param jobLockTime how long a node holds an async job or timer before others may take it over
 * @param resetExpiredJobsInterval how often expired job locks of crashed nodes are released
 * @param jobThreads size of the job executor's own bounded thread pool
 */
@ConfigurationProperties("opsflow.engine")
public record EngineProperties(
        String processesLocation, Duration jobLockTime, Duration resetExpiredJobsInterval, int jobThreads) {}
