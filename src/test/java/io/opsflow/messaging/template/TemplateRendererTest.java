package io.opsflow.messaging.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private final TemplateRenderer renderer = new TemplateRenderer(ZoneId.of("Asia/Shanghai"));

    @Test
    void fillsPlaceholdersAndNestedNames() {
        String out = renderer.render("Hello ${contactName}, order ${order.id}", Map.of("contactName", "Li Lei", "order", Map.of("id", 42)),
                TemplateFormat.TEXT);

        assertThat(out).isEqualTo("Hello Li Lei, order 42");
    }

    @Test
    void escapesValuesForHtmlButNotTheTemplate() {
        String out = renderer.render("<p>${name}</p>", Map.of("name", "<script>alert('x')</script> & \"co\""), TemplateFormat.HTML);

        assertThat(out).isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</p>");
    }

    @Test
    void leavesPlainTextValuesAsTheyAre() {
        assertThat(renderer.render("${v}", Map.of("v", "<b>&</b>"), TemplateFormat.TEXT)).isEqualTo("<b>&</b>");
    }

    @Test
    void neverEvaluatesExpressionsInsideValues() {
        Map<String, Object> values = Map.of(
                "a", "${secret}", "b", "#{@environment.getProperty('x')}", "c", "__${T(java.lang.Runtime)}__", "d", "[[${x}]]",
                "secret", "TOP-SECRET");

        String out = renderer.render("${a}|${b}|${c}|${d}", values, TemplateFormat.TEXT);

        assertThat(out).isEqualTo("${secret}|#{@environment.getProperty('x')}|__${T(java.lang.Runtime)}__|[[${x}]]");
        assertThat(out).doesNotContain("TOP-SECRET");
    }

    @Test
    void formatsListsAndDatesInTheConfiguredZone() {
        String out = renderer.render("${items} on ${day} at ${at}",
                Map.of("items", List.of("pump", "valve"), "day", LocalDate.of(2026, 11, 23), "at", Instant.parse("2026-11-23T01:30:00Z")),
                TemplateFormat.TEXT);

        assertThat(out).isEqualTo("pump, valve on 2026-11-23 at 2026-11-23 09:30");
    }

    @Test
    void aMissingVariableIsAClearError() {
        assertThatThrownBy(() -> renderer.render("Hi ${who}", Map.of(), TemplateFormat.TEXT))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("'who' has no value");
    }

    @Test
    void malformedPlaceholdersAreRejected() {
        assertThatThrownBy(() -> TemplateRenderer.placeholders("Hi ${who")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> TemplateRenderer.placeholders("Hi ${T(java.lang.Runtime).exec('x')}")).hasMessageContaining("not a variable name");
    }

    @Test
    void aDoubledDollarWritesALiteralPlaceholder() {
        assertThat(renderer.render("$${literal} ${v}", Map.of("v", 1), TemplateFormat.TEXT)).isEqualTo("${literal} 1");
        assertThat(TemplateRenderer.placeholders("$${literal} ${v}")).containsExactly("v");
    }

    @Test
    void nullValuesRenderEmpty() {
        var values = new java.util.HashMap<String, Object>();
        values.put("v", null);
        assertThat(renderer.render("[${v}]", values, TemplateFormat.TEXT)).isEqualTo("[]");
    }
}
