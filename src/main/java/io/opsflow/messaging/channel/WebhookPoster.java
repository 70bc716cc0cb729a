package io.opsflow.messaging.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * POSTs a JSON body to a checked target with {@code Idempotency-Key} and, when the channel has a
 * secret, {@code X-Opsflow-Signature: sha256=<hex HMAC-SHA256 of the body>}. No redirects are
 * followed (a redirect could lead past the SSRF guard). 2xx is success; 408, 429, 5xx, timeouts and
 * connection errors are worth a retry; other statuses are not.
 */
@Component
public class WebhookPoster {

    public static final String SIGNATURE_HEADER = "X-Opsflow-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final TargetGuard guard;
    private final SecretBox secrets;

    WebhookPoster(TargetGuard guard, SecretBox secrets) {
        this.guard = guard;
        this.secrets = secrets;
    }

    public void post(ChannelConfig config, String url, String json, String idempotencyKey) {
        URI target = guard.check(url, config.allowPrivateTargets());
        var request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(config.intSetting("timeoutSeconds", 10)))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Opsflow-Messaging/1")
                .header(IDEMPOTENCY_HEADER, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        String secret = config.hasSecret() ? secrets.reveal(config.secret()) : null;
        if (secret != null) {
            request.header(SIGNATURE_HEADER, "sha256=" + hmacSha256Hex(secret, json));
        }
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw DeliveryException.retryable("the target did not answer in time (" + target.getHost() + ")", e);
        } catch (IOException e) {
            throw DeliveryException.retryable("cannot reach " + target.getHost() + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable("interrupted while posting to " + target.getHost(), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String problem = "the target answered HTTP " + status;
        if (status == 408 || status == 429 || status >= 500) {
            throw DeliveryException.retryable(problem, null);
        }
        throw DeliveryException.permanent(problem);
    }

    public static String hmacSha256Hex(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
