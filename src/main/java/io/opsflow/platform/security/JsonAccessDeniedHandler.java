package io.opsflow.platform.security;

import io.opsflow.platform.JsonErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 with a JSON body; every denial is logged with who asked for what. */
class JsonAccessDeniedHandler implements AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonAccessDeniedHandler.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String user = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        log.warn("Access denied: user={} {} {}", user, request.getMethod(), request.getRequestURI());
        JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "You are not allowed to do this.");
    }
}
