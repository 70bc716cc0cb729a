package io.opsflow.platform.staff;

import io.opsflow.platform.JsonErrors;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Staff API errors in the platform's error body: 400 with what to fix, 404, and 409 for a stale version. */
@RestControllerAdvice(assignableTypes = StaffApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffApiErrors {

    @ExceptionHandler(InvalidStaffInput.class)
    ResponseEntity<Map<String, Object>> badInput(InvalidStaffInput e) {
        Map<String, Object> body = JsonErrors.body(400, "Bad Request", e.getMessage());
        body.put("fields", e.errors());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(UnknownStaffMember.class)
    ResponseEntity<Map<String, Object>> unknown(UnknownStaffMember e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** A stale version, or two first changes of one entry at once (both insert its row). */
    @ExceptionHandler({StaffConflict.class, DuplicateKeyException.class})
    ResponseEntity<Map<String, Object>> conflict() {
        return body(HttpStatus.CONFLICT, "Someone else changed this staff entry meanwhile; reload it and apply your change again.");
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(JsonErrors.body(status.value(), status.getReasonPhrase(), message));
    }
}
