package io.opsflow.workorder.assignment;

import io.opsflow.workorder.order.WorkOrderSettings;
import java.time.Instant;
import java.util.List;
import org.flowable.engine.ProcessEngine;
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
    private final ProcessEngine engine;

    AssignmentRanking(CandidateRankingQuery query, WorkOrderSettings settings, ProcessEngine engine) {
        this.query = query;
        this.engine = engine;
        this.weights = settings.weights().toWeights();
        this.scoring = new AssignmentScoring(weights);
        this.listed = Math.max(1, settings.explainedCandidates());
    }

    /** The ranking now, by the engine's clock (the one its timers and tests move). */
    public Ranking rank(List<String> requiredSkills) {
        return rank(requiredSkills, engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant());
    }

    /** The ranking with shifts read at {@code at}. */
    public Ranking rank(List<String> requiredSkills, Instant at) {
        List<String> required = requiredSkills.stream().distinct().toList();
        if (required.isEmpty()) {
            throw new IllegalArgumentException("a work order needs at least one required skill");
        }
        CandidateRankingQuery.Result found = query.best(required, weights, listed, at);
        return new Ranking(Ranking.RULE, required, weights, scoring.rank(required.size(), found.best()), found.total());
    }
}
