package io.opsflow.workorder.api;

import io.opsflow.platform.JsonErrors;
import io.opsflow.printing.PrintException;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import io.opsflow.workorder.order.WorkOrderConflict;
import io.opsflow.workorder.report.UnknownReport;
import java.util.Map;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Work-order API errors in the platform's error body: bad input 400 with what to fix, unknown or
 * invisible orders 404, state conflicts and lost races 409. Runs before the platform's own advice.
 */
@RestControllerAdvice(basePackages = "io.opsflow.workorder")
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkOrderErrors {

    @ExceptionHandler(InvalidWorkOrderInput.class)
    ResponseEntity<Map<String, Object>> badInput(InvalidWorkOrderInput e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(UnknownWorkOrder.class)
    ResponseEntity<Map<String, Object>> unknown() {
        return body(HttpStatus.NOT_FOUND, "The work order does not exist or you may not see it.");
    }

    @ExceptionHandler(UnknownReport.class)
    ResponseEntity<Map<String, Object>> unknownReport() {
        return body(HttpStatus.NOT_FOUND, "The report does not exist.");
    }

    @ExceptionHandler(PrintException.class)
    ResponseEntity<Map<String, Object>> notPrinted(PrintException e) {
        return body(HttpStatus.SERVICE_UNAVAILABLE, "The report could not be printed now: " + e.getMessage());
    }

    @ExceptionHandler(WorkOrderConflict.class)
    ResponseEntity<Map<String, Object>> conflict(WorkOrderConflict e) {
        return body(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(FlowableOptimisticLockingException.class)
    ResponseEntity<Map<String, Object>> raced() {
        return body(HttpStatus.CONFLICT, "Someone else changed this work order at the same time; reload it.");
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(JsonErrors.body(status.value(), status.getReasonPhrase(), message));
    }
}
