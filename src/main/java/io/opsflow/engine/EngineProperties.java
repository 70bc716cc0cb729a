package io.opsflow.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine settings that differ per deployment; everything else is Flowable's own {@code flowable.*}.
 *
 * @param processesLocation where the BPMN files to deploy at start-up are found
 * @param jobLockTime how long a node holds an async job or timer before others may take it over
 * @param resetExpiredJobsInterval how often expired job locks of crashed nodes are released
 * @param jobThreads size of the job executor's own bounded thread pool
 * @param globalAcquireLock whether nodes take turns acquiring jobs (one database lock) instead of
 *     competing for the same rows; fewer optimistic-lock conflicts with many nodes
 * @param maxClockSkew how far this node's clock may differ from the database's before health is DOWN
 * @param deadLetterThreshold how many dead-letter jobs make the {@code deadLetters} health component DOWN
 * @param asyncJobRetries how many times an async job is tried before it becomes a dead letter (Flowable's
 *     default is 3); an optimistic-lock conflict at a join uses up a try, and non-exclusive branches that
 *     meet at a join conflict again when their retries fall due together
 */
@ConfigurationProperties("opsflow.engine")
public record EngineProperties(
        String processesLocation,
        Duration jobLockTime,
        Duration resetExpiredJobsInterval,
        int jobThreads,
        @DefaultValue("false") boolean globalAcquireLock,
        @DefaultValue("PT30S") Duration maxClockSkew,
        @DefaultValue("50") int deadLetterThreshold,
        @DefaultValue("5") int asyncJobRetries) {}
