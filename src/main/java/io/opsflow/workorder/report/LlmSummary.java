package io.opsflow.workorder.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an OpenAI-compatible {@code POST <baseUrl>/chat/completions} to write the summary from the
 * figures. Any failure (not configured, refused, non-2xx, bad JSON, empty text, timeout) gives
 * {@link Optional#empty()}, and the caller keeps the text written from the figures.
 */
class LlmSummary {

    static final int MAX_CHARS = 3000;
    private static final int MAX_RESPONSE_BYTES = 1_000_000;
    private static final Logger log = LoggerFactory.getLogger(LlmSummary.class);

    private final ReportSettings.Llm settings;
    private final ObjectMapper json;

    LlmSummary(ReportSettings.Llm settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    Optional<String> write(MonthlyFigures figures, String factualSummary) {
        if (settings == null || !settings.enabled()) {
            return Optional.empty();
        }
        try {
            String base = settings.baseUrl().endsWith("/") ? settings.baseUrl().substring(0, settings.baseUrl().length() - 1) : settings.baseUrl();
            URI uri = URI.create(base + "/chat/completions");
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                log.warn("The report LLM base URL must be http or https; using the summary from the figures");
                return Optional.empty();
            }
            Duration timeout = settings.timeout();
            Map<String, Object> body = Map.of(
                    "model", settings.model(),
                    "temperature", 0.2,
                    "messages", List.of(
                            Map.of("role", "system", "content", "You write the summary paragraph of a monthly work-order report for a "
                                    + "property-management team. Use only the figures given, invent nothing, plain English prose, "
                                    + "at most 150 words, no headings or lists."),
                            Map.of("role", "user", "content", prompt(figures, factualSummary))));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
                request.header("Authorization", "Bearer " + settings.apiKey());
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<InputStream> response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            try (InputStream in = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    log.warn("The report LLM answered {}; using the summary from the figures", response.statusCode());
                    return Optional.empty();
                }
                JsonNode answer = json.readTree(new String(in.readNBytes(MAX_RESPONSE_BYTES), StandardCharsets.UTF_8));
                String text = answer.path("choices").path(0).path("message").path("content").asText("").strip();
                text = text.replaceAll("[\\p{Cntrl}&&[^\\n]]", "");
                if (text.isBlank()) {
                    log.warn("The report LLM gave no text; using the summary from the figures");
                    return Optional.empty();
                }
                return Optional.of(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            log.warn("The report LLM failed ({}); using the summary from the figures", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static String prompt(MonthlyFigures f, String factualSummary) {
        StringBuilder p = new StringBuilder("Figures of ").append(f.month()).append(" (zone ").append(f.zone().getId()).append("):\n");
        p.append("created: ").append(f.created()).append(", archived: ").append(f.archived())
                .append(", archived on time: ").append(f.archivedOnTime()).append('\n');
        f.types().forEach(t -> p.append("type ").append(t.type()).append(": ").append(t.byStatus()).append('\n'));
        f.staff().forEach(s -> p.append("staff ").append(s.userId()).append(": completed ").append(s.completed())
                .append(", working hours ").append(String.format(java.util.Locale.ROOT, "%.1f", s.workingHours())).append('\n'));
        p.append("A factual summary for reference: ").append(factualSummary);
        return p.toString();
    }
}
