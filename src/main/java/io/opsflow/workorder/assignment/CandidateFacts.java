package io.opsflow.workorder.assignment;

import io.opsflow.platform.Shift;

/**
 * What the scorer knows about one candidate.
 *
 * @param userId the staff member
 * @param matchedSkills how many of the required skills the candidate has
 * @param openWorkOrders work orders assigned to the candidate and not yet archived
 * @param acceptedWorkOrders archived (accepted) work orders of the candidate
 * @param onTimeAcceptances of those, the ones submitted by their due time
 * @param shift whether the candidate works now by their weekly hours; on shift ranks first
 */
public record CandidateFacts(
        String userId, int matchedSkills, long openWorkOrders, long acceptedWorkOrders, long onTimeAcceptances, Shift shift) {

    /** Facts of a candidate without recorded working hours. */
    public CandidateFacts(String userId, int matchedSkills, long openWorkOrders, long acceptedWorkOrders, long onTimeAcceptances) {
        this(userId, matchedSkills, openWorkOrders, acceptedWorkOrders, onTimeAcceptances, Shift.NO_HOURS);
    }
}
