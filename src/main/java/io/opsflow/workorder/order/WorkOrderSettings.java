package io.opsflow.workorder.order;

import io.opsflow.workorder.assignment.ScoringWeights;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Work-order settings under {@code opsflow.workorder}.
 *
 * @param weights the assignment score weights (skill, load, performance)
 * @param secondLevelAfter how long after the due time the second overdue level goes to the admins
 * @param explainedCandidates how many of the best candidates the stored explanation lists
 */
@ConfigurationProperties("opsflow.workorder")
public record WorkOrderSettings(
        @DefaultValue ScoringWeightsProperties weights,
        @DefaultValue("PT1H") Duration secondLevelAfter,
        @DefaultValue("100") int explainedCandidates) {

    /** Bound form of {@link ScoringWeights}. */
    public record ScoringWeightsProperties(
            @DefaultValue("0.6") double skill, @DefaultValue("0.3") double load, @DefaultValue("0.1") double performance) {

        public ScoringWeights toWeights() {
            return new ScoringWeights(skill, load, performance);
        }
    }
}
