package io.opsflow.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLetterJobTest {

    @Test
    void theReasonIsTheFirstLineOnly() {
        assertThat(DeadLetterJob.firstLine("Connection refused\n\tat io.opsflow.Webhook.post(Webhook.java:12)"))
                .isEqualTo("Connection refused");
        assertThat(DeadLetterJob.firstLine("\n  timed out after 30 s  \r\nmore")).isEqualTo("timed out after 30 s");
    }

    @Test
    void noMessageIsAnEmptyReason() {
        assertThat(DeadLetterJob.firstLine(null)).isEmpty();
        assertThat(DeadLetterJob.firstLine("   ")).isEmpty();
    }

    @Test
    void aLongFirstLineIsShortened() {
        String reason = DeadLetterJob.firstLine("x".repeat(4000));

        assertThat(reason).hasSize(DeadLetterJob.MAX_REASON_LENGTH).endsWith("…");
    }
}
