package io.opsflow.engine.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Attachment content is served with whatever content type the uploader claimed; an HTML "photo"
 * would otherwise run in our origin. Forces a download and forbids content sniffing.
 */
class AttachmentDownloadFilter extends OncePerRequestFilter {

    private static final Pattern CONTENT = Pattern.compile("^/process-api/runtime/tasks/[^/]+/attachments/[^/]+/content/?$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CONTENT.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Disposition", "attachment");
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!"Content-Disposition".equalsIgnoreCase(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!"Content-Disposition".equalsIgnoreCase(name)) {
                    super.addHeader(name, value);
                }
            }
        });
    }
}
