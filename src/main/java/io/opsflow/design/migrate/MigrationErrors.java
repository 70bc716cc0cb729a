package io.opsflow.design.migrate;

import io.opsflow.platform.JsonErrors;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused start is a 400 in the platform's error body with the preview that blocked it; the rest is the platform's advice. */
@RestControllerAdvice(assignableTypes = MigrationApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MigrationErrors {

    @ExceptionHandler(BlockedMigrationException.class)
    ResponseEntity<Map<String, Object>> blocked(BlockedMigrationException e) {
        Map<String, Object> body = JsonErrors.body(HttpStatus.BAD_REQUEST.value(), HttpStatus.BAD_REQUEST.getReasonPhrase(), e.getMessage());
        body.put("preview", e.preview());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
