package io.opsflow.tasklist.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the designer and PUT /api/v1/forms are told about a form that cannot be saved, field by field. */
class FormCheckTest {

    private static Map<String, String> problems(String json) {
        try {
            FormJson.parse("f", json);
            return Map.of();
        } catch (InvalidFormException e) {
            return e.problems();
        }
    }

    @Test
    void aValidFormWithLayoutAndVisibilityHasNoProblems() {
        var form = FormJson.parse("f", """
                {"title": "T", "fields": [
                  {"id": "kind", "type": "select", "options": [{"value": "a"}], "width": "half", "section": "What"},
                  {"id": "note", "type": "text", "pattern": "[a-z]+", "width": "full", "visibleWhen": {"field": "kind", "equals": "a"}}]}""");
        assertThat(form.field("kind").orElseThrow().half()).isTrue();
        assertThat(form.field("kind").orElseThrow().section()).isEqualTo("What");
        assertThat(form.field("note").orElseThrow().visibleWhen()).isEqualTo(new FormField.VisibleWhen("kind", "a"));
    }

    @Test
    void unknownTypeIsNamedAtTheField() {
        assertThat(problems("{\"fields\": [{\"id\": \"a\", \"type\": \"colour\"}]}"))
                .containsOnlyKeys("fields[0].type").extractingByKey("fields[0].type").asString().contains("colour").contains("textarea");
    }

    @Test
    void duplicateIdIsNamedAtTheSecondField() {
        assertThat(problems("{\"fields\": [{\"id\": \"a\", \"type\": \"text\"}, {\"id\": \"a\", \"type\": \"number\"}]}"))
                .containsOnlyKeys("fields[1].id");
    }

    @Test
    void badPatternIsNamed() {
        assertThat(problems("{\"fields\": [{\"id\": \"a\", \"type\": \"text\", \"pattern\": \"[a-\"}]}"))
                .containsOnlyKeys("fields[0].pattern");
    }

    @Test
    void visibleWhenMustNameAnEarlierEditableField() {
        assertThat(problems("{\"fields\": [{\"id\": \"a\", \"type\": \"text\", \"visibleWhen\": {\"field\": \"b\", \"equals\": \"x\"}},"
                + "{\"id\": \"b\", \"type\": \"text\"}]}")).containsOnlyKeys("fields[0].visibleWhen");
        assertThat(problems("{\"fields\": [{\"id\": \"r\", \"type\": \"text\", \"readOnly\": true},"
                + "{\"id\": \"b\", \"type\": \"text\", \"visibleWhen\": {\"field\": \"r\", \"equals\": \"x\"}}]}")).containsOnlyKeys("fields[1].visibleWhen");
    }

    @Test
    void typosAndBadLayoutAreNamed() {
        assertThat(problems("{\"fields\": [{\"id\": \"a\", \"type\": \"text\", \"requried\": true, \"width\": \"third\"}], \"colour\": 1}"))
                .containsOnlyKeys("fields[0].requried", "fields[0].width", "colour");
    }

    @Test
    void selectWithoutOptionsAndMissingIdAreNamed() {
        assertThat(problems("{\"fields\": [{\"type\": \"select\"}]}")).containsOnlyKeys("fields[0].id", "fields[0].options");
    }

    @Test
    void notJsonAtAll() {
        assertThatThrownBy(() -> FormJson.tree("{fields")).isInstanceOf(InvalidFormException.class);
    }
}
