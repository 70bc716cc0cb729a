package io.opsflow.tasklist.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import io.opsflow.platform.JsonErrors;
import io.opsflow.tasklist.task.TaskConflictException;
import io.opsflow.tasklist.task.TaskNotFoundException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Error bodies of {@code /api/v1/tasks}, in the platform's JSON error shape (status, error, message,
 * correlationId, timestamp), built by the platform's {@link JsonErrors}.
 */
@RestControllerAdvice(assignableTypes = TaskApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler(TaskNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(TaskNotFoundException e) {
        return respond(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(TaskConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(TaskConflictException e) {
        return respond(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return respond(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    static ResponseEntity<Map<String, Object>> respond(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(body(status, message));
    }

    static Map<String, Object> body(HttpStatus status, String message) {
        return JsonErrors.body(status.value(), status.getReasonPhrase(), message);
    }
}
