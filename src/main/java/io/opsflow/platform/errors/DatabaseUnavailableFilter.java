package io.opsflow.platform.errors;

import io.opsflow.platform.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 when the database cannot be reached and the failure escaped everything else: in the
 * security filters (a login checks the password in the database) or in a web page. API callers get
 * the JSON error body; pages get the error page with status 503, which asks to try again shortly.
 * Failures inside REST controllers never get here; {@link ApiErrorAdvice} answers those.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (response.isCommitted() || !DatabaseUnavailable.causedIt(e)) {
                throw e;
            }
            log.warn("Database not reachable on {} {}: {}", request.getMethod(), request.getRequestURI(), DatabaseUnavailable.rootMessage(e));
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
            if (isApi(request)) {
                response.setHeader(CorrelationIdFilter.HEADER, JsonErrors.correlationId());
                JsonErrors.write(response, HttpStatus.SERVICE_UNAVAILABLE.value(), HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
                        DatabaseUnavailable.MESSAGE);
            } else {
                response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            }
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/process-api/");
    }
}
