package io.opsflow.platform.staff;

/** The entry was changed by someone else since the caller read it (stale version). */
class StaffConflict extends RuntimeException {

    StaffConflict(String userId) {
        super("Someone else changed the staff entry of " + userId + " meanwhile; reload it and apply your change again.");
    }
}
