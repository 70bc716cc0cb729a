package io.opsflow.platform.errors;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.opsflow.platform.JsonErrors;
import jakarta.servlet.http.HttpServletRequest;
import io.opsflow.platform.ConcurrentChangeDetector;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.api.FlowableIllegalStateException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.common.rest.exception.FlowableConflictException;
import org.flowable.common.rest.exception.FlowableContentNotSupportedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.CannotCreateTransactionException;
import java.sql.SQLTransientConnectionException;

/**
 * The one error model of {@code /api/v1} and Flowable's {@code /process-api}. Ordered first so it wins
 * over Flowable's own {@code RestExceptionHandlerAdvice} (found in the parent context by the REST
 * servlet's resolver), and limited to REST controllers so the web pages keep their own error pages.
 * Bodies never carry stack traces, SQL, class names or engine messages; 5xx are logged with the
 * correlation id that the body repeats.
 */
@RestControllerAdvice(annotations = RestController.class)
// Just after the modules' own advices (scoped to their controllers, ordered first), before Flowable's.
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    private final List<ConcurrentChangeDetector> raceDetectors;

    ApiErrorAdvice(List<ConcurrentChangeDetector> raceDetectors) {
        this.raceDetectors = raceDetectors;
    }

    @ExceptionHandler(FlowableObjectNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound() {
        return body(HttpStatus.NOT_FOUND, "The requested object does not exist or you may not see it.");
    }

    @ExceptionHandler(FlowableIllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> illegalArgument(FlowableIllegalArgumentException e) {
        return body(HttpStatus.BAD_REQUEST, safeMessage(e.getMessage(), "The request is not valid."));
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        ServletRequestBindingException.class,
        org.flowable.bpmn.exceptions.XMLException.class
    })
    ResponseEntity<Map<String, Object>> badRequest(Exception e) {
        if (hasCause(e, RequestBodyLimitFilter.BodyTooLargeException.class)) {
            return body(HttpStatus.PAYLOAD_TOO_LARGE, RequestBodyLimitFilter.MESSAGE);
        }
        if (hasCause(e, StreamConstraintsException.class)) {
            return body(HttpStatus.BAD_REQUEST, "The JSON is nested too deeply or holds a value that is too long.");
        }
        return body(HttpStatus.BAD_REQUEST, "The request is malformed: check the JSON, the parameter types and required parameters.");
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, FlowableContentNotSupportedException.class})
    ResponseEntity<Map<String, Object>> unsupportedMediaType() {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "This content type is not accepted here; send application/json.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable() {
        return body(HttpStatus.NOT_ACCEPTABLE, "This resource cannot be returned in the requested media type.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> methodNotAllowed() {
        return body(HttpStatus.METHOD_NOT_ALLOWED, "This HTTP method is not supported here.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noSuchPath() {
        return body(HttpStatus.NOT_FOUND, "No such API path.");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge() {
        return body(HttpStatus.PAYLOAD_TOO_LARGE, "The request body or upload is too large.");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> badMultipart(MultipartException e) {
        return hasCause(e, SizeException.class)
                ? tooLarge()
                : body(HttpStatus.BAD_REQUEST, "The multipart request is malformed.");
    }

    @ExceptionHandler({FlowableForbiddenException.class, AccessDeniedException.class})
    ResponseEntity<Map<String, Object>> forbidden() {
        return body(HttpStatus.FORBIDDEN, "You are not allowed to do this.");
    }

    @ExceptionHandler(FlowableOptimisticLockingException.class)
    ResponseEntity<Map<String, Object>> changedMeanwhile() {
        return body(HttpStatus.CONFLICT, "This was changed by someone else at the same time; reload and retry.");
    }

    @ExceptionHandler(FlowableTaskAlreadyClaimedException.class)
    ResponseEntity<Map<String, Object>> alreadyClaimed() {
        return body(HttpStatus.CONFLICT, "This task has already been claimed by someone else.");
    }

    @ExceptionHandler(FlowableConflictException.class)
    ResponseEntity<Map<String, Object>> conflict() {
        return body(HttpStatus.CONFLICT, "This conflicts with the current state; reload and retry.");
    }

    @ExceptionHandler(FlowableIllegalStateException.class)
    ResponseEntity<Map<String, Object>> illegalState() {
        return body(HttpStatus.CONFLICT, "This is not possible in the object's current state.");
    }

    /** No connection to be had: 503 at once instead of a 500, so callers retry later (see docs/operations.md). */
    @ExceptionHandler({
        DataAccessResourceFailureException.class, // includes CannotGetJdbcConnectionException
        TransientDataAccessResourceException.class,
        SQLTransientConnectionException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<Map<String, Object>> databaseUnavailable(Exception e, HttpServletRequest request) {
        if (!DatabaseUnavailable.causedIt(e)) {
            return unexpected(e, request);
        }
        log.warn("Database not reachable on {} {} (correlationId={}): {}", request.getMethod(), request.getRequestURI(),
                JsonErrors.correlationId(), DatabaseUnavailable.rootMessage(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                .body(JsonErrors.body(HttpStatus.SERVICE_UNAVAILABLE.value(), HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                        DatabaseUnavailable.MESSAGE));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        // First, and before the race detectors: they may need the database themselves.
        if (DatabaseUnavailable.causedIt(e)) {
            return databaseUnavailable(e, request);
        }
        if (hasCause(e, FlowableOptimisticLockingException.class)
                || raceDetectors.stream().anyMatch(detector -> detector.lostARace(request, e))) {
            return changedMeanwhile();
        }
        HttpStatus declared = declaredStatus(e);
        if (declared != null && !declared.is5xxServerError()) {
            // ResponseStatusException, @ResponseStatus and Spring's own ErrorResponse exceptions (e.g. @Valid failures).
            return body(declared, declared.is4xxClientError() ? "The request was refused: " + declared.getReasonPhrase() + "."
                    : declared.getReasonPhrase());
        }
        log.error("Unexpected error on {} {} (correlationId={})", request.getMethod(), request.getRequestURI(),
                JsonErrors.correlationId(), e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Quote the correlation id when you report it.");
    }

    private static HttpStatus declaredStatus(Exception e) {
        if (e instanceof ErrorResponse response) {
            return HttpStatus.resolve(response.getStatusCode().value());
        }
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        return annotated == null ? null : annotated.code();
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JsonErrors.body(status.value(), status.getReasonPhrase(), message));
    }

    /** Engine argument messages are meant for callers, but never let one carry internals. */
    private static String safeMessage(String message, String fallback) {
        if (message == null || message.length() > 200 || message.contains("Exception") || message.contains("<")
                || message.contains("\n") || message.contains(" at ")) {
            return fallback;
        }
        return message;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
