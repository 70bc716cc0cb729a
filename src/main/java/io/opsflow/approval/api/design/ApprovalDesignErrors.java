package io.opsflow.approval.api.design;

import io.opsflow.approval.definition.DefinitionConflictException;
import io.opsflow.approval.definition.UnknownDefinitionException;
import io.opsflow.approval.model.InvalidModelException;
import io.opsflow.platform.JsonErrors;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Design API errors: invalid models 400 with every problem, unknown definitions 404, stale saves 409. */
@RestControllerAdvice(basePackages = "io.opsflow.approval.api.design")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApprovalDesignErrors {

    @ExceptionHandler(InvalidModelException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidModelException e) {
        Map<String, Object> body = JsonErrors.body(400, "Bad Request", e.getMessage());
        body.put("problems", e.problems());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(UnknownDefinitionException.class)
    ResponseEntity<Map<String, Object>> unknown(UnknownDefinitionException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(DefinitionConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(DefinitionConflictException e) {
        return body(HttpStatus.CONFLICT, e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(JsonErrors.body(status.value(), status.getReasonPhrase(), message));
    }
}
