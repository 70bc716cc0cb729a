package io.opsflow.engine.rest;

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
 * The interceptor's 403s on {@code /process-api} say why ("claim this task first", "for integrators and admins"), in the
 * platform's JSON error shape: the reason is Opsflow's own text ({@link Denials#forbidden}). Other forbidden errors keep
 * the platform's generic message.
 */
@RestControllerAdvice(basePackages = "org.flowable.rest.service.api")
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class ProcessApiRefusals {

    @ExceptionHandler(Denials.Refusal.class)
    ResponseEntity<Map<String, Object>> refused(Denials.Refusal e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
                .body(JsonErrors.body(403, HttpStatus.FORBIDDEN.getReasonPhrase(), e.getMessage()));
    }
}
