package io.opsflow.workorder.assignment;

import io.opsflow.platform.StaffSkills;
import io.opsflow.workorder.order.WorkOrderSettings;
import java.util.List;
import org.springframework.stereotype.Component;

/** Finds the candidates for some required skills and ranks them with {@link AssignmentScoring}. */
@Component
public class AssignmentRanking {

    private final StaffSkills staffSkills;
    private final CandidateFactsQuery facts;
    private final ScoringWeights weights;
    private final AssignmentScoring scoring;

    AssignmentRanking(StaffSkills staffSkills, CandidateFactsQuery facts, WorkOrderSettings settings) {
        this.staffSkills = staffSkills;
        this.facts = facts;
        this.weights = settings.weights().toWeights();
        this.scoring = new AssignmentScoring(weights);
    }

    public Ranking rank(List<String> requiredSkills) {
        List<String> required = requiredSkills.stream().distinct().toList();
        List<String> candidates = staffSkills.activeStaffWithAll(required);
        return new Ranking(Ranking.RULE, required, weights, scoring.rank(required.size(), facts.of(candidates, required.size())));
    }
}
