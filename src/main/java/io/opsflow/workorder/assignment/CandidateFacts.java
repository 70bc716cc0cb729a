package io.opsflow.workorder.assignment;

/**
 * What the scorer knows about one candidate.
 *
 * @param userId the staff member
 * @param matchedSkills how many of the required skills the candidate has
 * @param openWorkOrders work orders assigned to the candidate and not yet archived
 * @param acceptedWorkOrders archived (accepted) work orders of the candidate
 * @param onTimeAcceptances of those, the ones submitted by their due time
 */
public record CandidateFacts(String userId, int matchedSkills, long openWorkOrders, long acceptedWorkOrders, long onTimeAcceptances) {}
