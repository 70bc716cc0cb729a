package io.opsflow.workorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.opsflow.workorder.order.WorkOrderStatus;
import io.opsflow.workorder.report.MonthlyFigures.StaffRow;
import io.opsflow.workorder.report.MonthlyFigures.TypeRow;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM summary against a local chat-completions server (real HTTP), and every fallback. */
class LlmSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hold;

    @BeforeEach
    void chatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            if (hold) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        answer.set("{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"  February went well: 地面维修 dominated.  \"}}]}");
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private LlmSummary llm(Duration timeout) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        return new LlmSummary(new ReportSettings.Llm(base, "test-model", "sk-test", timeout), JSON);
    }

    private static MonthlyFigures figures() {
        Instant from = Instant.parse("2031-02-01T00:00:00Z");
        return new MonthlyFigures(YearMonth.of(2031, 2), ZoneId.of("UTC"), from, Instant.parse("2031-03-01T00:00:00Z"), 4, 3, 2,
                List.of(new TypeRow("地面维修 (floor-repair)", Map.of(WorkOrderStatus.ARCHIVED, 3), 3)),
                Map.of(WorkOrderStatus.ARCHIVED, 3), List.of(new StaffRow("lily", 3, 160, 3 / 160.0)), List.of());
    }

    @Test
    void theEndpointWritesTheSummaryFromTheFigures() {
        String summary = llm(Duration.ofSeconds(10)).write(figures(), "FACTUAL").orElseThrow();

        assertThat(summary).isEqualTo("February went well: 地面维修 dominated.");
        assertThat(requests).hasSize(1);
        JsonNode request = requests.get(0);
        assertThat(request.path("model").asText()).isEqualTo("test-model");
        assertThat(request.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(request.path("messages").get(1).path("content").asText()).contains("created: 4, archived: 3")
                .contains("地面维修 (floor-repair)").contains("staff lily: completed 3").contains("FACTUAL");
        assertThat(authorizations).containsExactly("Bearer sk-test");
    }

    @Test
    void anErrorStatusFallsBack() {
        status.set(500);
        assertThat(llm(Duration.ofSeconds(10)).write(figures(), "FACTUAL")).isEmpty();
        assertThat(requests).hasSize(1);
    }

    @Test
    void aBadOrEmptyAnswerFallsBack() {
        answer.set("not json");
        assertThat(llm(Duration.ofSeconds(10)).write(figures(), "FACTUAL")).isEmpty();
        answer.set("{\"choices\":[{\"message\":{\"content\":\"   \"}}]}");
        assertThat(llm(Duration.ofSeconds(10)).write(figures(), "FACTUAL")).isEmpty();
        answer.set("{\"choices\":[]}");
        assertThat(llm(Duration.ofSeconds(10)).write(figures(), "FACTUAL")).isEmpty();
    }

    @Test
    void aSlowEndpointTimesOutAndFallsBack() {
        hold = true;
        assertThat(llm(Duration.ofMillis(300)).write(figures(), "FACTUAL")).isEmpty();
    }

    @Test
    void aRefusedConnectionFallsBack() {
        int port = server.getAddress().getPort();
        server.stop(0);
        var unreachable = new LlmSummary(new ReportSettings.Llm("http://127.0.0.1:" + port + "/v1", "m", "", Duration.ofSeconds(5)), JSON);
        assertThat(unreachable.write(figures(), "FACTUAL")).isEmpty();
    }

    @Test
    void withoutABaseUrlNothingIsCalled() {
        assertThat(new LlmSummary(new ReportSettings.Llm("", "", "", Duration.ofSeconds(5)), JSON).write(figures(), "FACTUAL")).isEmpty();
        assertThat(requests).isEmpty();
    }
}
