package io.opsflow.tasklist.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 10, 0, 0, 0, 10};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};

    private final UserDirectory users = new UserDirectory() {
        public boolean exists(String id) {
            return Set.of("alice", "bob").contains(id);
        }

        public boolean isMember(String id, String group) {
            return id.equals("alice") && group.equals("staff");
        }
    };
    private final FormValidator validator = new FormValidator(users);

    private static FormField field(String id, FieldType type) {
        return new FormField(id, id, type, false, false, null, null, null, null, null, null, null, null, null, null);
    }

    private ValidatedForm validate(FormField field, String value) {
        return validator.validate(new FormDefinition("f", "F", List.of(field)),
                FormInput.of(value == null ? Map.of() : Map.of(field.id(), List.of(value))));
    }

    private ValidatedForm upload(FormField field, UploadedFile... files) {
        return validator.validate(new FormDefinition("f", "F", List.of(field)), new FormInput(Map.of(), Map.of(field.id(), List.of(files))));
    }

    @Test
    void requiredFieldsMustBeFilled() {
        var required = new FormField("name", "Name", FieldType.TEXT, true, false, null, null, null, null, null, null, null, null, null, null);
        assertThat(validate(required, "  ").errors()).containsKey("name");
        assertThat(validate(required, null).errors()).containsKey("name");
        assertThat(validate(required, "x").variables()).containsEntry("name", "x");
    }

    @Test
    void optionalEmptyFieldsAreNotWritten() {
        assertThat(validate(field("note", FieldType.TEXT), "").variables()).isEmpty();
    }

    @Test
    void textRespectsMaxLength() {
        var f = new FormField("t", "T", FieldType.TEXTAREA, false, false, 3, null, null, null, null, null, null, null, null, null);
        assertThat(validate(f, "abcd").errors()).containsKey("t");
        assertThat(validate(f, "abc").valid()).isTrue();
    }

    @Test
    void injectionStringsAreKeptLiterally() {
        assertThat(validate(field("t", FieldType.TEXT), "${1+1} [[${x}]]").variables()).containsEntry("t", "${1+1} [[${x}]]");
    }

    @Test
    void numbersAreCheckedAgainstMinMaxAndStep() {
        var f = new FormField("h", "H", FieldType.NUMBER, false, false, null, BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("0.25"), null, null, null, null, null, null);
        assertThat(validate(f, "abc").errors()).containsKey("h");
        assertThat(validate(f, "-1").errors()).containsKey("h");
        assertThat(validate(f, "11").errors()).containsKey("h");
        assertThat(validate(f, "1.3").errors()).containsKey("h");
        assertThat(validate(f, "1.75").variables()).containsEntry("h", 1.75d);
        assertThat(validate(f, "2").variables()).containsEntry("h", 2.0d);
    }

    @Test
    void wholeNumbersBecomeLongsAndFractionsDoubles() {
        assertThat(validate(field("n", FieldType.NUMBER), "42").variables()).containsEntry("n", 42L);
        assertThat(validate(field("n", FieldType.NUMBER), "4.5").variables()).containsEntry("n", 4.5d);
    }

    @Test
    void datesMustBeIso() {
        assertThat(validate(field("d", FieldType.DATE), "24.12.2026").errors()).containsKey("d");
        assertThat(validate(field("d", FieldType.DATE), "2026-12-24").variables()).containsEntry("d", LocalDate.of(2026, 12, 24));
    }

    @Test
    void selectAcceptsOnlyOfferedOptions() {
        var f = new FormField("s", "S", FieldType.SELECT, false, false, null, null, null, null, null,
                List.of(new FormField.Option("a", "A")), null, null, null, null);
        assertThat(validate(f, "b").errors()).containsKey("s");
        assertThat(validate(f, "a").variables()).containsEntry("s", "a");
    }

    @Test
    void checkboxBecomesBoolean() {
        assertThat(validate(field("c", FieldType.CHECKBOX), "on").variables()).containsEntry("c", true);
        assertThat(validate(field("c", FieldType.CHECKBOX), null).variables()).containsEntry("c", false);
        assertThat(validate(field("c", FieldType.CHECKBOX), "maybe").errors()).containsKey("c");
    }

    @Test
    void userMustExistAndBeInTheGroup() {
        var f = new FormField("u", "U", FieldType.USER, false, false, null, null, null, null, null, null, "staff", null, null, null);
        assertThat(validate(f, "nobody").errors()).containsKey("u");
        assertThat(validate(f, "bob").errors()).containsKey("u");
        assertThat(validate(f, "alice").variables()).containsEntry("u", "alice");
    }

    @Test
    void readOnlyAndUnknownFieldsAreNeverWritten() {
        var f = new FormField("r", "R", FieldType.TEXT, false, true, null, null, null, null, null, null, null, null, null, null);
        var result = validator.validate(new FormDefinition("f", "F", List.of(f)), FormInput.of(Map.of("r", List.of("x"), "other", List.of("y"))));
        assertThat(result.variables()).isEmpty();
        assertThat(result.valid()).isTrue();
    }

    @Test
    void filesAreSniffedNotTrustedByName() {
        var f = new FormField("p", "P", FieldType.FILE, false, false, null, null, null, null, null, null, null, List.of("image/jpeg", "image/png"), 2, 1);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(f, new UploadedFile("photo.jpg", html)).errors()).containsKey("p");
        assertThat(upload(f, new UploadedFile("photo.png", svg)).errors()).containsKey("p");
        var ok = upload(f, new UploadedFile("../../x.png", PNG), new UploadedFile("b.jpg", JPEG));
        assertThat(ok.valid()).isTrue();
        assertThat(ok.files().get("p")).extracting(ValidatedForm.AcceptedFile::name, ValidatedForm.AcceptedFile::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("x.png", "image/png"), org.assertj.core.groups.Tuple.tuple("b.jpg", "image/jpeg"));
    }

    @Test
    void filesRespectCountAndSize() {
        var f = new FormField("p", "P", FieldType.FILE, true, false, null, null, null, null, null, null, null, null, 1, 1);
        assertThat(upload(f).errors()).containsKey("p");
        assertThat(upload(f, new UploadedFile("a.png", PNG), new UploadedFile("b.png", PNG)).errors()).containsKey("p");
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThat(upload(f, new UploadedFile("big.png", big)).errors()).containsKey("p");
    }

    @Test
    void hugePngCanvasIsRejected() {
        byte[] bomb = PNG.clone();
        bomb[16] = 0; bomb[17] = 0; bomb[18] = 0x4E; bomb[19] = 0x20; // 20000 px wide
        var f = field("p", FieldType.FILE);
        assertThat(upload(f, new UploadedFile("bomb.png", bomb)).errors()).containsKey("p");
    }

    @Test
    void loaderReadsShippedFormsAndExplainsUnknownKeys() {
        assertThat(FormFiles.definition("handle-request").field("photos")).get().extracting(FormField::type).isEqualTo(FieldType.FILE);
        assertThat(FormFiles.definition("service-request-start").field("priority").orElseThrow().defaultValue()).isEqualTo("50");
        assertThat(FormFiles.all()).containsKeys("handle-request", "service-request-start");
        FormFiles.all().forEach((key, json) -> assertThat(FormJson.parse(key, json).key()).isEqualTo(key));
        assertThatThrownBy(() -> FormFiles.definition("no-such-form")).isInstanceOf(UnknownFormException.class).hasMessageContaining("no-such-form");
        assertThatThrownBy(() -> FormFiles.definition("../application")).isInstanceOf(UnknownFormException.class);
    }

    private static FormDefinition conditional() {
        return FormJson.parse("f", """
                {"title": "F", "fields": [
                  {"id": "kind", "type": "select", "required": true, "options": [{"value": "leak"}, {"value": "other"}]},
                  {"id": "detail", "type": "text", "required": true, "visibleWhen": {"field": "kind", "equals": "other"}},
                  {"id": "more", "type": "text", "required": true, "visibleWhen": {"field": "detail", "equals": "x"}}
                ]}""");
    }

    @Test
    void aHiddenFieldIsNeitherRequiredNorWritten() {
        var result = validator.validate(conditional(), FormInput.of(Map.of("kind", List.of("leak"), "detail", List.of("sneaked in"))));
        assertThat(result.errors()).isEmpty();
        assertThat(result.variables()).containsOnlyKeys("kind");
    }

    @Test
    void aShownConditionalFieldIsRequiredAndHidingChains() {
        var shown = validator.validate(conditional(), FormInput.of(Map.of("kind", List.of("other"))));
        assertThat(shown.errors()).containsOnlyKeys("detail");
        var chained = validator.validate(conditional(), FormInput.of(Map.of("kind", List.of("leak"), "detail", List.of("x"))));
        assertThat(chained.errors()).isEmpty();
        assertThat(chained.variables()).containsOnlyKeys("kind");
    }

    @Test
    void checkboxControlsVisibilityAsTrueOrFalse() {
        var form = FormJson.parse("f", """
                {"fields": [{"id": "parts", "type": "checkbox"},
                            {"id": "which", "type": "text", "required": true, "visibleWhen": {"field": "parts", "equals": true}}]}""");
        assertThat(validator.validate(form, FormInput.of(Map.of())).errors()).isEmpty();
        assertThat(validator.validate(form, FormInput.of(Map.of("parts", List.of("on")))).errors()).containsOnlyKeys("which");
    }

    @Test
    void patternMustMatchTheWholeValue() {
        var form = FormJson.parse("f", "{\"fields\": [{\"id\": \"room\", \"type\": \"text\", \"pattern\": \"[A-Z]-[0-9]{3}\"}]}");
        assertThat(validator.validate(form, FormInput.of(Map.of("room", List.of("B-104")))).variables()).containsEntry("room", "B-104");
        assertThat(validator.validate(form, FormInput.of(Map.of("room", List.of("B-104x")))).errors().get("room")).contains("expected form");
    }
}
