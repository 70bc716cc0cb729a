package io.opsflow.workorder.assignment;

/**
 * One candidate's score and its parts, each between 0 and 1, as stored in the explanation.
 *
 * @param skillMatch required skills the candidate has / required skills
 * @param load 1 / (1 + open work orders): 1 when idle, falling as work piles up
 * @param performance on-time acceptances / acceptances; 0.5 without history
 * @param score the weighted sum
 * @param shift "on shift", "off shift" or "no working hours recorded" at the ranking; on shift ranks
 *     before the others whatever the score (decision 59); null in explanations stored before that
 */
public record CandidateScore(
        String userId, double skillMatch, double load, double performance, double score, long openWorkOrders,
        long acceptedWorkOrders, long onTimeAcceptances, String shift) {}
