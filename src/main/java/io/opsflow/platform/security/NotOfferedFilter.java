package io.opsflow.platform.security;

import io.opsflow.platform.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers 404 for the Flowable REST APIs that come with the starter but that Opsflow does not offer. */
class NotOfferedFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        JsonErrors.write(response, HttpServletResponse.SC_NOT_FOUND, "Not Found", "This API is not offered by Opsflow.");
    }
}
