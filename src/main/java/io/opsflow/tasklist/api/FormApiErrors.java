package io.opsflow.tasklist.api;

import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.Groups;
import io.opsflow.platform.JsonErrors;
import io.opsflow.tasklist.form.InvalidFormException;
import io.opsflow.tasklist.form.StaleFormException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Form API errors in the platform's body: unknown form 404, invalid form 400 with fieldErrors, stale save 409 with currentVersion. */
@RestControllerAdvice(assignableTypes = FormApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FormApiErrors {

    static class NoSuchForm extends RuntimeException {}

    static CurrentUser requireDesigner() {
        CurrentUser user = CurrentUser.required();
        if (!user.isAdmin() && !user.isIn(Groups.DESIGNER)) {
            throw new AccessDeniedException("designers and admins only");
        }
        return user;
    }

    @ExceptionHandler(NoSuchForm.class)
    ResponseEntity<Map<String, Object>> unknown() {
        return ApiErrors.respond(HttpStatus.NOT_FOUND, "The form or version does not exist.");
    }

    @ExceptionHandler(InvalidFormException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidFormException e) {
        Map<String, Object> body = JsonErrors.body(400, "Bad Request", "The form is not valid.");
        body.put("fieldErrors", new java.util.TreeMap<>(e.problems()));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(StaleFormException.class)
    ResponseEntity<Map<String, Object>> stale(StaleFormException e) {
        Map<String, Object> body = JsonErrors.body(409, "Conflict", e.getMessage());
        body.put("baseVersion", e.baseVersion());
        body.put("currentVersion", e.currentVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON).eTag("\"v" + e.currentVersion() + "\"").body(body);
    }
}
