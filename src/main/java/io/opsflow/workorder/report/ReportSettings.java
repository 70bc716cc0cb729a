package io.opsflow.workorder.report;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Monthly report settings under {@code opsflow.workorder-report}.
 *
 * @param zone the months (and the days of the trend chart) are calendar months in this zone
 * @param llm the optional chat-completions endpoint that writes the summary
 */
@ConfigurationProperties("opsflow.workorder-report")
public record ReportSettings(@DefaultValue("UTC") String zone, @DefaultValue Llm llm) {

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    /**
     * An OpenAI-compatible endpoint; off while {@code baseUrl} is empty.
     *
     * @param baseUrl e.g. {@code https://llm.example.com/v1}; {@code /chat/completions} is appended
     * @param model the model name sent in the request
     * @param apiKey sent as a bearer token when set
     * @param timeout the whole exchange; past it the summary written from the figures is used
     */
    public record Llm(
            @DefaultValue("") String baseUrl,
            @DefaultValue("") String model,
            @DefaultValue("") String apiKey,
            @DefaultValue("PT20S") Duration timeout) {

        public boolean enabled() {
            return baseUrl != null && !baseUrl.isBlank();
        }
    }
}
