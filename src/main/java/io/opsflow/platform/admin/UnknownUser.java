package io.opsflow.platform.admin;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An admin page or action named a user id that does not exist. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class UnknownUser extends RuntimeException {

    UnknownUser(String userId) {
        super("There is no user '" + userId + "'.");
    }
}
