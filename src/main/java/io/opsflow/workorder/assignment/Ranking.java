package io.opsflow.workorder.assignment;

import java.util.List;
import java.util.Optional;

/**
 * The candidates for a work order, best first, and how they were found.
 *
 * @param rule how candidates were chosen, in words, for the explanation
 * @param requiredSkills the skills the work order needs
 * @param weights the weights used
 * @param candidates the best candidates with their score parts, best first (at most
 *     {@code opsflow.workorder.explained-candidates})
 * @param candidateCount how many candidates there are in all
 */
public record Ranking(
        String rule, List<String> requiredSkills, ScoringWeights weights, List<CandidateScore> candidates, int candidateCount) {

    public static final String RULE =
            "active staff members (enabled accounts in the staff group, on duty) having every required skill; "
                    + "on shift now (weekly hours, own time zone) first, then the others";

    public Optional<CandidateScore> best() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }
}
