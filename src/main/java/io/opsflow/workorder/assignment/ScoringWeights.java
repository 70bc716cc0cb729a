package io.opsflow.workorder.assignment;

/**
 * The weights of score = skill·skillMatch + load·load + performance·performance; the seed's defaults
 * are 0.6, 0.3 and 0.1. Set them with {@code opsflow.workorder.weights.*}.
 */
public record ScoringWeights(double skill, double load, double performance) {

    public static final ScoringWeights DEFAULTS = new ScoringWeights(0.6, 0.3, 0.1);

    public ScoringWeights {
        if (skill < 0 || load < 0 || performance < 0 || skill + load + performance <= 0) {
            throw new IllegalArgumentException("assignment weights must be non-negative and not all zero");
        }
    }
}
