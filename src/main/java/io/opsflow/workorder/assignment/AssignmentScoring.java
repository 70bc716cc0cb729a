package io.opsflow.workorder.assignment;

import io.opsflow.platform.Shift;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks candidates for a work order: on shift first, then the others (off shift or without recorded
 * hours, decision 59); within each group score = w1·skill match + w2·load + w3·performance, best first. Ties go
 * to the candidate with fewer open work orders, then to the smaller user id, so the same facts always
 * give the same choice.
 */
public final class AssignmentScoring {

    /** Performance of a candidate without accepted work yet: neither rewarded nor punished. */
    public static final double NEUTRAL_PERFORMANCE = 0.5;

    private record Ranked(Shift shift, CandidateScore score) {}

    private static final Comparator<Ranked> BEST_FIRST = Comparator.comparing((Ranked r) -> r.shift() != Shift.ON_SHIFT)
            .thenComparing(r -> r.score().score(), Comparator.reverseOrder())
            .thenComparingLong(r -> r.score().openWorkOrders())
            .thenComparing(r -> r.score().userId());

    private final ScoringWeights weights;

    public AssignmentScoring(ScoringWeights weights) {
        this.weights = weights;
    }

    public List<CandidateScore> rank(int requiredSkills, List<CandidateFacts> candidates) {
        if (requiredSkills < 1) {
            throw new IllegalArgumentException("a work order needs at least one required skill");
        }
        return candidates.stream()
                .map(c -> new Ranked(c.shift(), score(requiredSkills, c)))
                .sorted(BEST_FIRST)
                .map(Ranked::score)
                .toList();
    }

    CandidateScore score(int requiredSkills, CandidateFacts c) {
        double skillMatch = Math.min(1.0, (double) c.matchedSkills() / requiredSkills);
        double load = 1.0 / (1.0 + Math.max(0, c.openWorkOrders()));
        double performance = c.acceptedWorkOrders() <= 0
                ? NEUTRAL_PERFORMANCE
                : Math.min(1.0, (double) c.onTimeAcceptances() / c.acceptedWorkOrders());
        double score = weights.skill() * skillMatch + weights.load() * load + weights.performance() * performance;
        return new CandidateScore(c.userId(), round(skillMatch), round(load), round(performance), round(score), c.openWorkOrders(),
                c.acceptedWorkOrders(), c.onTimeAcceptances(), c.shift().text());
    }

    private static double round(double value) {
        return Math.round(value * 10_000d) / 10_000d;
    }
}
