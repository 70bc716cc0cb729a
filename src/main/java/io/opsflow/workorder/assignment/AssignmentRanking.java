package io.opsflow.workorder.assignment;

import io.opsflow.workorder.order.WorkOrderSettings;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Finds the best candidates for some required skills with one statement and ranks them with
 * {@link AssignmentScoring}: the ranking lists the best {@code opsflow.workorder.explained-candidates}
 * and counts all of them.
 */
@Component
public class AssignmentRanking {

    private final CandidateRankingQuery query;
    private final ScoringWeights weights;
    private final AssignmentScoring scoring;
    private final int listed;

    AssignmentRanking(CandidateRankingQuery query, WorkOrderSettings settings) {
        this.query = query;
        this.weights = settings.weights().toWeights();
        this.scoring = new AssignmentScoring(weights);
        this.listed = Math.max(1, settings.explainedCandidates());
    }

    public Ranking rank(List<String> requiredSkills) {
        List<String> required = requiredSkills.stream().distinct().toList();
        if (required.isEmpty()) {
            throw new IllegalArgumentException("a work order needs at least one required skill");
        }
        CandidateRankingQuery.Result found = query.best(required, weights, listed);
        return new Ranking(Ranking.RULE, required, weights, scoring.rank(required.size(), found.best()), found.total());
    }
}
