package io.opsflow.workorder.plan;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Recurring-plan settings under {@code opsflow.workorder.plans}.
 *
 * @param zone the time zone of plans that do not name one
 * @param skippedCyclesKept how many of the missed cycles one catch-up records as skipped at most (the newest)
 */
@ConfigurationProperties("opsflow.workorder.plans")
public record PlanSettings(@DefaultValue("UTC") ZoneId zone, @DefaultValue("100") int skippedCyclesKept) {}
