package io.opsflow.tasklist.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import io.opsflow.tasklist.task.TaskConflictException;
import io.opsflow.tasklist.task.TaskNotFoundException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Error bodies of {@code /api/v1/tasks}, in the platform's JSON error shape (status, error, message,
 * correlationId, timestamp). Built here because the platform's builder is not part of its public API.
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", message);
        String correlationId = MDC.get("correlationId");
        body.put("correlationId", correlationId != null ? correlationId : UUID.randomUUID().toString());
        body.put("timestamp", Instant.now().toString());
        return body;
    }
}
