package io.opsflow.messaging.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendLogCsvTest {

    @Test
    void quotesCellsAndDefusesSpreadsheetFormulas() {
        assertThat(SendLogCsv.cell("plain")).isEqualTo("\"plain\"");
        assertThat(SendLogCsv.cell("say \"hi\", then go")).isEqualTo("\"say \"\"hi\"\", then go\"");
        assertThat(SendLogCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SendLogCsv.cell("+1")).startsWith("\"'");
        assertThat(SendLogCsv.cell("@SUM(A1)")).startsWith("\"'");
        assertThat(SendLogCsv.cell(null)).isEmpty();
    }
}
