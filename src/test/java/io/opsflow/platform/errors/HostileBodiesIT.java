package io.opsflow.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Row 19 of the fault matrix, the hostile bodies: a 50 MB JSON body (its length announced; the
 * answer comes after the first megabyte, before the rest is sent) and a body over the limit sent
 * without a length and a JSON nested 100,000 arrays deep, to
 * {@code /api/v1} and {@code /process-api}. Each gets 413 or 400 with the generic JSON body, and the
 * node answers normally afterwards. Every node runs this same code.
 */
@OpsflowIntegrationTest
class HostileBodiesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ENDPOINTS = {"/api/v1/messaging/preferences", "/process-api/runtime/process-instances"};
    private static final int FIFTY_MB = 50 * 1024 * 1024;

    @LocalServerPort int port;
    @Autowired IdentityService identityService;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String user;

    @BeforeEach
    void user() {
        user = TestUsers.create(identityService, "hostile", "staff");
    }

    @Test
    void aFiftyMegabyteBodyIsRefusedWith413BeforeItIsRead() throws Exception {
        for (String endpoint : ENDPOINTS) {
            // Only the head and the first megabyte are sent: the answer must come without the rest.
            String answer = announceAndSendPart(endpoint, FIFTY_MB, 1024 * 1024);

            assertThat(answer).as(endpoint).startsWith("HTTP/1.1 413");
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertThat(body).doesNotContain("Exception").doesNotContain("at com.");
            assertThat(JSON.readTree(body.substring(body.indexOf('{'))).path("message").asText()).containsIgnoringCase("too large");
        }
        assertTheNodeStillServes();
    }

    /** Announces a body of {@code announced} bytes, sends {@code sent} of them and reads the answer (raw HTTP/1.1). */
    private String announceAndSendPart(String endpoint, int announced, int sent) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method(endpoint) + " " + endpoint + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + announced
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] part = hugeJson(sent);
            try {
                out.write(part, 0, Math.min(sent, part.length));
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before the part is through; the answer is still there to read.
            }
            var answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                        break;
                    }
                }
            } catch (IOException reset) {
                // A reset after the answer: keep what was read.
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBodyWithoutALengthIsCutOffAtTheLimit() throws Exception {
        byte[] body = hugeJson(6 * 1024 * 1024);
        for (String endpoint : ENDPOINTS) {
            // ofInputStream has no known length, so the body goes chunked.
            var response = send(request(endpoint).method(method(endpoint),
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

            assertThat(response.statusCode()).as(endpoint + ": " + response.body()).isEqualTo(413);
            assertGeneric(response, "too large");
        }
        assertTheNodeStillServes();
    }

    @Test
    void aHundredThousandNestedArraysAreRefusedWith400() throws Exception {
        char[] nested = new char[100_000];
        Arrays.fill(nested, '[');
        // As a variable's value (any JSON), so the parser itself meets the depth, not a type check first.
        String body = "{\"processDefinitionKey\": \"x\", \"variables\": [{\"name\": \"v\", \"value\": " + new String(nested);
        for (String endpoint : ENDPOINTS) {
            var response = send(request(endpoint).method(method(endpoint), HttpRequest.BodyPublishers.ofString(body)));

            assertThat(response.statusCode()).as(endpoint + ": " + response.body()).isEqualTo(400);
            assertGeneric(response, "nested too deeply");
        }
        assertTheNodeStillServes();
    }

    private void assertTheNodeStillServes() throws Exception {
        var health = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        var preferences = send(request(ENDPOINTS[0]).GET());
        assertThat(preferences.statusCode()).as(preferences.body()).isEqualTo(200);
    }

    /** A valid-looking JSON object of about {@code size} bytes: one long list of small strings. */
    private static byte[] hugeJson(int size) {
        var out = new StringBuilder(size + 64).append("{\"processDefinitionKey\": \"x\", \"padding\": [");
        while (out.length() < size) {
            out.append("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",");
        }
        return out.append("\"end\"]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String method(String endpoint) {
        return endpoint.startsWith("/api/v1/messaging/preferences") ? "PUT" : "POST";
    }

    private HttpRequest.Builder request(String endpoint) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    /** A connection of its own per call: one refused early is closed by the server. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.build();
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(built, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError(built.method() + " " + built.uri() + ": no answer: " + e, e);
        }
    }

    private static void assertGeneric(HttpResponse<String> response, String phrase) throws Exception {
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("jackson");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("message").asText()).containsIgnoringCase(phrase);
        assertThat(body.path("correlationId").asText()).isNotBlank();
        assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
    }
}
