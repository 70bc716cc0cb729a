package io.opsflow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.flowable.common.engine.impl.db.DbSqlSession;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.job.service.JobHandler;
import org.flowable.job.service.impl.persistence.entity.JobEntity;
import org.flowable.variable.api.delegate.VariableScope;

/**
 * The bare side's delivery job: the raw work of one message without Opsflow's templates, channel
 * configs or send log. An even message index writes an inbox row in the job's own transaction; an odd
 * one POSTs the same JSON shape as Opsflow's generic webhook payload, signed with HMAC-SHA256, to the
 * sink with the message id as {@code Idempotency-Key}.
 */
final class BareDeliveryJobHandler implements JobHandler {

    static final String TYPE = "bench-bare-delivery";

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI target;
    private final SecretKeySpec secret = new SecretKeySpec("bench-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

    BareDeliveryJobHandler(String targetUrl) {
        this.target = URI.create(targetUrl);
    }

    static String configuration(String messageId) {
        return "{\"messageId\":\"" + messageId + "\"}";
    }

    /** Message ids are {@code b-<run>-<index>}. */
    static String messageId(String run, int index) {
        return "b-" + run + "-" + index;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(JobEntity job, String configuration, VariableScope scope, CommandContext context) {
        String id = configuration.substring(configuration.indexOf(":\"") + 2, configuration.lastIndexOf('"'));
        int index = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
        if (index % 2 == 0) {
            writeInboxRow(context, id, index);
        } else {
            post(id, index);
        }
    }

    private static void writeInboxRow(CommandContext context, String id, int index) {
        var connection = context.getSession(DbSqlSession.class).getSqlSession().getConnection();
        try (PreparedStatement s = connection.prepareStatement(
                "insert into bench_bare_inbox (id, user_id, subject, body, delivered_at) values (?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, String.format("bench-user-%03d", (index / 2) % OpsflowMessaging.USERS));
            s.setString(3, "Work order WO-" + index);
            s.setString(4, "Work order WO-" + index + " is assigned to you.");
            s.setObject(5, LocalDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("inbox row for " + id, e);
        }
    }

    private void post(String id, int index) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", id);
        body.put("idempotencyKey", id);
        body.put("recipient", "ops-room-" + index % 10);
        body.put("address", "ops-room-" + index % 10);
        body.put("subject", "Alarm");
        body.put("body", "Pump P-" + index + " stopped");
        body.put("format", "TEXT");
        body.put("template", "bench-hook");
        body.put("processInstanceId", null);
        body.put("taskId", null);
        try {
            String text = json.writeValueAsString(body);
            var request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Idempotency-Key", id)
                    .header("X-Opsflow-Signature", "sha256=" + hmac(text))
                    .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                    .build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status >= 300) {
                throw new IllegalStateException("the sink answered HTTP " + status);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the sink", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
