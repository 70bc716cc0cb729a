package io.opsflow.engine.jobs;

import io.opsflow.platform.JsonErrors;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Unknown ids and bad bulk requests on the dead-letter API, in the platform's JSON error shape. */
@RestControllerAdvice(assignableTypes = DeadLetterJobsApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeadLetterApiErrors {

    @ExceptionHandler(UnknownDeadLetterJobException.class)
    ResponseEntity<Map<String, Object>> unknown(UnknownDeadLetterJobException e) {
        return respond(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return respond(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> respond(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JsonErrors.body(status.value(), status.getReasonPhrase(), message));
    }
}
