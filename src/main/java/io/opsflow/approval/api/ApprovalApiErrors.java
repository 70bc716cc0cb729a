package io.opsflow.approval.api;

import io.opsflow.approval.run.ApprovalConflict;
import io.opsflow.approval.run.InvalidApprovalInput;
import io.opsflow.approval.run.InvalidFormValues;
import io.opsflow.approval.run.NotAllowed;
import io.opsflow.approval.run.UnknownApproval;
import io.opsflow.approval.run.UrgedTooSoon;
import io.opsflow.platform.JsonErrors;
import io.opsflow.printing.PrintException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Approval API errors in the platform's error body: bad input 400 (start or resubmitted values that do not fit the form: with
 * {@code fieldErrors}, field name to message), someone else's task 403, invisible
 * approvals 404, state conflicts 409, urging too often 429 with Retry-After. Lost races (optimistic
 * locks, database deadlocks) fall through to the platform's own mapping (409).
 */
@RestControllerAdvice(basePackages = "io.opsflow.approval.api")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApprovalApiErrors {

    @ExceptionHandler(InvalidApprovalInput.class)
    ResponseEntity<Map<String, Object>> badInput(InvalidApprovalInput e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(InvalidFormValues.class)
    ResponseEntity<Map<String, Object>> badFormValues(InvalidFormValues e) {
        return ProcessApiStartErrors.body(e);
    }

    @ExceptionHandler(NotAllowed.class)
    ResponseEntity<Map<String, Object>> notAllowed(NotAllowed e) {
        return body(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(UnknownApproval.class)
    ResponseEntity<Map<String, Object>> unknown(UnknownApproval e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ApprovalConflict.class)
    ResponseEntity<Map<String, Object>> conflict(ApprovalConflict e) {
        return body(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(PrintException.class)
    ResponseEntity<Map<String, Object>> notPrinted(PrintException e) {
        return body(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(UrgedTooSoon.class)
    ResponseEntity<Map<String, Object>> tooSoon(UrgedTooSoon e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().getSeconds())))
                .body(JsonErrors.body(429, HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(), e.getMessage()));
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(JsonErrors.body(status.value(), status.getReasonPhrase(), message));
    }
}
