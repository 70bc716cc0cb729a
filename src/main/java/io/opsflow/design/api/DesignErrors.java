package io.opsflow.design.api;

import io.opsflow.design.deploy.InvalidModelException;
import io.opsflow.design.deploy.UnknownDefinitionException;
import io.opsflow.design.model.ModelChangedException;
import io.opsflow.design.model.UnknownModelException;
import io.opsflow.platform.JsonErrors;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Model API errors in the platform's error body: unknown models 404, a save based on an old version
 * 409 with who saved, when and which elements changed, a deploy with validation errors 400 with the
 * problems. Everything else falls through to the platform's advice.
 */
@RestControllerAdvice(basePackages = "io.opsflow.design.api")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DesignErrors {

    @ExceptionHandler(UnknownModelException.class)
    ResponseEntity<Map<String, Object>> unknown() {
        return body(HttpStatus.NOT_FOUND, "The model or version does not exist.");
    }

    @ExceptionHandler(UnknownDefinitionException.class)
    ResponseEntity<Map<String, Object>> unknownDefinition() {
        return body(HttpStatus.NOT_FOUND, "No deployed process definition with that key and version.");
    }

    @ExceptionHandler(ModelChangedException.class)
    ResponseEntity<Map<String, Object>> changed(ModelChangedException e) {
        Map<String, Object> body = JsonErrors.body(HttpStatus.CONFLICT.value(), HttpStatus.CONFLICT.getReasonPhrase(), e.getMessage());
        body.put("baseVersion", e.baseVersion());
        body.put("currentVersion", e.currentVersion());
        body.put("changedBy", e.changedBy());
        body.put("changedAt", e.changedAt() == null ? null : e.changedAt().toString());
        body.put("changes", e.changes());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON).eTag("\"v" + e.currentVersion() + "\"")
                .body(body);
    }

    @ExceptionHandler(InvalidModelException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidModelException e) {
        Map<String, Object> body = JsonErrors.body(HttpStatus.BAD_REQUEST.value(), HttpStatus.BAD_REQUEST.getReasonPhrase(), e.getMessage());
        body.put("problems", e.problems());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(JsonErrors.body(status.value(), status.getReasonPhrase(), message));
    }
}
