package io.opsflow.workorder.api;

import io.opsflow.platform.JsonErrors;
import io.opsflow.workorder.plan.UnknownPlan;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Unknown plans are a 404 in the platform's error body (bad input and conflicts go through {@link WorkOrderErrors}). */
@RestControllerAdvice(basePackages = "io.opsflow.workorder")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanErrors {

    @ExceptionHandler(UnknownPlan.class)
    ResponseEntity<Map<String, Object>> unknown() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(JsonErrors.body(404, HttpStatus.NOT_FOUND.getReasonPhrase(), "The recurring plan does not exist."));
    }
}
