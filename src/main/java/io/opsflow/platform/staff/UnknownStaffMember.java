package io.opsflow.platform.staff;

/** No such user in the {@code staff} group. */
class UnknownStaffMember extends RuntimeException {

    UnknownStaffMember(String userId) {
        super("There is no staff member '" + userId + "'.");
    }
}
