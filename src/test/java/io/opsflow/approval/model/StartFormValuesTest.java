package io.opsflow.approval.model;

import static io.opsflow.approval.model.FormValuesFixtures.users;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartFormValuesTest {

    private static final Directory DIRECTORY = users("sam");

    private static final ApprovalForm FORM = new ApprovalForm(List.of(
            new FormFieldSpec("title", "Title", "text", true, null, 10, null, null, null, null, null, null, null, null, null),
            new FormFieldSpec("amount", "Amount", "number", true, null, null, BigDecimal.ZERO, new BigDecimal("100000"), null, null, null, null,
                    null, null, null),
            FormFieldSpec.of("kind", "Kind", "select").withOptions(List.of(new FormFieldSpec.Option("it", "IT"), new FormFieldSpec.Option("travel", null))),
            FormFieldSpec.of("needed", "Needed by", "date"),
            FormFieldSpec.of("urgent", "Urgent", "checkbox"),
            FormFieldSpec.of("reviewer", "Reviewer", "user"),
            new FormFieldSpec("source", "Source", "text", null, true, null, null, null, null, "web", null, null, null, null, null),
            FormFieldSpec.of("receipt", "Receipt", "file")));

    private static Map<String, String> sent(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void goodValuesComeOutTypedAsTheConditionsCompareThem() {
        var read = StartFormValues.read(FORM, sent("title", " Laptop ", "amount", "2500.00", "kind", "it", "needed", "2026-12-24", "urgent", "on",
                "reviewer", "sam", "source", "forged", "receipt", "x"), DIRECTORY, true);

        assertThat(read.valid()).isTrue();
        assertThat(read.values()).containsEntry("title", "Laptop").containsEntry("amount", 2500L).containsEntry("kind", "it")
                .containsEntry("needed", "2026-12-24").containsEntry("urgent", true).containsEntry("reviewer", "sam")
                .containsEntry("source", "web").doesNotContainKey("receipt");
        assertThat(StartFormValues.read(FORM, sent("title", "a", "amount", "12.5"), DIRECTORY, true).values()).containsEntry("amount", 12.5);
    }

    @Test
    void everyProblemIsNamedOnItsFieldAndWhatWasTypedIsKept() {
        var read = StartFormValues.read(FORM, sent("title", "far too long a title", "amount", "12abc", "kind", "food", "needed", "24/12/2026",
                "reviewer", "nobody"), DIRECTORY, true);

        assertThat(read.valid()).isFalse();
        assertThat(read.errors()).containsOnlyKeys("title", "amount", "kind", "needed", "reviewer");
        assertThat(read.errors().get("title")).isEqualTo("At most 10 characters (this has 20).");
        assertThat(read.errors().get("amount")).startsWith("Enter a number");
        assertThat(read.errors().get("kind")).isEqualTo("Choose one of the options.");
        assertThat(read.errors().get("needed")).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(read.errors().get("reviewer")).isEqualTo("There is no user nobody.");
        assertThat(read.entered()).containsEntry("amount", "12abc").containsEntry("needed", "24/12/2026");
    }

    @Test
    void requiredAndRangeAreCheckedForStartingButAPreviewTakesAnUnfinishedForm() {
        var start = StartFormValues.read(FORM, sent("amount", "-1"), DIRECTORY, true);
        assertThat(start.errors()).containsEntry("title", "Fill this in.").containsEntry("amount", "At least 0.");
        assertThat(StartFormValues.read(FORM, sent("title", "x", "amount", "100001"), DIRECTORY, true).errors())
                .containsEntry("amount", "At most 100000.");

        var preview = StartFormValues.read(FORM, sent("amount", "2500"), DIRECTORY, false);
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.values()).containsEntry("amount", 2500L).doesNotContainKey("title");
    }

    @Test
    void fileFieldsAreNotShownOnTheStartForm() {
        assertThat(StartFormValues.shown(FORM)).extracting(FormFieldSpec::id).doesNotContain("receipt").contains("title", "source");
    }
}
