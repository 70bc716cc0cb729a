package io.opsflow.workorder.plan;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Recurring-plan settings under {@code opsflow.workorder.plans}.
 *
 * @param zone the time zone of plans that do not name one
 * @param skippedCyclesKept how many of the missed cycles one catch-up records as skipped at most (the newest)
 * @param sweepBatch how many due plans one transaction of the sweep claims and fires
 * @param sweepBudget how long one sweep keeps taking batches before it lets the next sweep go on
 * @param sweepWorkers how many threads of one sweep take batches side by side (PostgreSQL only; H2 uses one)
 * @param fireRetryAfter how long the sweep leaves a plan alone whose firing failed on its own
 */
@ConfigurationProperties("opsflow.workorder.plans")
public record PlanSettings(@DefaultValue("UTC") ZoneId zone, @DefaultValue("100") int skippedCyclesKept,
        @DefaultValue("200") int sweepBatch, @DefaultValue("PT50S") Duration sweepBudget, @DefaultValue("2") int sweepWorkers,
        @DefaultValue("PT5M") Duration fireRetryAfter) {}
