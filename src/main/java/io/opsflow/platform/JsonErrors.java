package io.opsflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.http.MediaType;

/**
 * The one error body shape of {@code /api/v1} and {@code /process-api}: a status, a short message a
 * person can act on and a correlation id to find the log line — never a stack trace, SQL or class name.
 */
public final class JsonErrors {

    public static final String CORRELATION_ID = "correlationId";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonErrors() {}

    public static Map<String, Object> body(int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", error);
        body.put("message", message);
        body.put("correlationId", correlationId());
        body.put("timestamp", Instant.now().toString());
        return body;
    }

    public static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        MAPPER.writeValue(response.getOutputStream(), body(status, error, message));
    }

    public static String correlationId() {
        String id = MDC.get(CORRELATION_ID);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
