package io.opsflow.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells the API error handler that an unexpected failure was really a lost race: the object the request
 * acted on was changed or removed by someone else meanwhile. Such failures answer 409, not 500.
 */
public interface ConcurrentChangeDetector {

    boolean lostARace(HttpServletRequest request, Exception failure);
}
