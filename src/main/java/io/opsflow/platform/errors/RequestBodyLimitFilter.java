package io.opsflow.platform.errors;

import io.opsflow.platform.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds API request bodies (fault matrix row 19): a body announced larger than the limit is answered
 * 413 before a byte of it is read; one sent without a length (chunked) is cut off when it passes the
 * limit, and the read failure is answered 413 by {@link ApiErrorAdvice}. Files (multipart uploads and
 * deployments, raw XML such as a BPMN import) get the multipart request limit, whose own checks give
 * the clearer answer; every other body the smaller JSON limit. Jackson's
 * own limits (nesting depth 1000, string length 20 MB) then refuse deep nesting inside the bound.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final String MESSAGE = "The request body is too large.";
    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

    private final long jsonLimit;
    private final long multipartLimit;

    RequestBodyLimitFilter(long jsonLimit, long multipartLimit) {
        this.jsonLimit = jsonLimit;
        this.multipartLimit = multipartLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = isFile(request.getContentType()) ? multipartLimit : jsonLimit;
        long announced = request.getContentLengthLong();
        if (announced > limit) {
            log.warn("Refused a {} byte body on {} {} (limit {})", announced, request.getMethod(), request.getRequestURI(), limit);
            // The connection is closed after the answer: the server need not read the rest of the body.
            response.setHeader("Connection", "close");
            JsonErrors.write(response, HttpStatus.PAYLOAD_TOO_LARGE.value(), HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase(), MESSAGE);
            return;
        }
        chain.doFilter(announced >= 0 ? request : new Bounded(request, limit), response);
    }

    private static boolean isFile(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/") || type.startsWith("application/xml") || type.startsWith("text/xml");
    }

    /** Thrown by the reading code when a body without a length passes the limit; answered 413. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("request body over " + limit + " bytes");
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
