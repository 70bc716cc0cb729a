package io.opsflow.platform.staff;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such user in the {@code staff} group. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class UnknownStaffMember extends RuntimeException {

    UnknownStaffMember(String userId) {
        super("There is no staff member '" + userId + "'.");
    }
}
