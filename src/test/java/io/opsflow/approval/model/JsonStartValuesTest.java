package io.opsflow.approval.model;

import static io.opsflow.approval.model.FormValuesFixtures.sent;
import static io.opsflow.approval.model.FormValuesFixtures.users;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonStartValuesTest {

    private static final Directory DIRECTORY = users("sam", "kim");

    private static final SimpleModel MODEL = new SimpleModel("buy", "Buy", null, new ApprovalForm(List.of(
            new FormFieldSpec("title", "Title", "text", true, null, 10, null, null, null, null, null, null, null, null, null),
            new FormFieldSpec("amount", "Amount", "number", true, null, null, BigDecimal.ZERO, null, null, null, null, null, null, null, null),
            FormFieldSpec.of("kind", "Kind", "select").withOptions(List.of(new FormFieldSpec.Option("it", "IT"))),
            FormFieldSpec.of("needed", "Needed by", "date"),
            FormFieldSpec.of("urgent", "Urgent", "checkbox"),
            new FormFieldSpec("source", "Source", "text", null, true, null, null, null, null, "api", null, null, null, null, null),
            FormFieldSpec.of("receipt", "Receipt", "file"))),
            List.of(new ConditionNode("big", "Big?", List.of(new Branch("big", List.of(new Condition("amount", Operator.GT, "1000")),
                    List.of(ApproverNode.of("pick", "Picked", ApproverNode.Assignee.starterChooses(), ApproverNode.Method.SEQUENTIAL)))),
                    new Branch("otherwise", List.of(), List.of()))));

    @Test
    void jsonValuesStartTypedExactlyAsTheWebFormWouldStoreThem() {
        var read = JsonStartValues.read(MODEL, sent("title", "Laptop", "amount", 2500, "kind", "it", "needed", "2026-12-24",
                "urgent", true, "source", "api", "pick_chosen", List.of("sam", "kim")), DIRECTORY);

        assertThat(read.errors()).isEmpty();
        assertThat(read.values()).containsEntry("title", "Laptop").containsEntry("amount", 2500L).containsEntry("kind", "it")
                .containsEntry("needed", "2026-12-24").containsEntry("urgent", true).containsEntry("source", "api")
                .containsEntry("pick_chosen", "sam,kim");
        assertThat(JsonStartValues.read(MODEL, sent("title", "a", "amount", "2500"), DIRECTORY).values())
                .containsEntry("amount", 2500L).containsEntry("urgent", false).containsEntry("source", "api");
        assertThat(JsonStartValues.read(MODEL, sent("title", "a", "amount", 12.5), DIRECTORY).values()).containsEntry("amount", 12.5);
        assertThat(JsonStartValues.read(MODEL, sent("title", "a", "amount", 2500.0), DIRECTORY).values()).containsEntry("amount", 2500L);
    }

    @Test
    void everyValueThatDoesNotFitIsNamedWithItsMessage() {
        var read = JsonStartValues.read(MODEL, sent("title", "far too long a title", "amount", "12abc", "kind", "food", "needed", "24/12/2026",
                "urgent", "yes", "source", "forged", "receipt", "x", "amout", 5, "pick_chosen", "nobody"), DIRECTORY);

        assertThat(read.valid()).isFalse();
        assertThat(read.errors()).containsOnlyKeys("title", "amount", "kind", "needed", "urgent", "source", "receipt", "amout", "pick_chosen");
        assertThat(read.errors().get("title")).isEqualTo("At most 10 characters (this has 20).");
        assertThat(read.errors().get("amount")).startsWith("Enter a number");
        assertThat(read.errors().get("kind")).isEqualTo("Choose one of the options.");
        assertThat(read.errors().get("needed")).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(read.errors().get("urgent")).isEqualTo("Send true or false.");
        assertThat(read.errors().get("source")).contains("read-only");
        assertThat(read.errors().get("receipt")).contains("attach them on the approval");
        assertThat(read.errors().get("amout")).isEqualTo("This approval's form has no field amout.");
        assertThat(read.errors().get("pick_chosen")).isEqualTo("There is no user nobody.");
    }

    @Test
    void missingRequiredValuesListsAndNullsAreRefusedPerField() {
        var read = JsonStartValues.read(MODEL, sent("title", null, "kind", List.of("it"), "urgent", Map.of("x", 1)), DIRECTORY);

        assertThat(read.errors()).containsEntry("title", "Fill this in.").containsEntry("amount", "Fill this in.")
                .containsEntry("kind", "Send one value: text, a number or true/false.")
                .containsEntry("urgent", "Send one value: text, a number or true/false.");
        assertThat(JsonStartValues.read(MODEL, null, DIRECTORY).errors()).containsOnlyKeys("title", "amount");
    }

    @Test
    void aLongUnknownNameIsShortenedInTheAnswer() {
        String name = "x".repeat(500);
        var read = JsonStartValues.read(MODEL, sent("title", "a", "amount", 1, name, "v"), DIRECTORY);

        assertThat(read.errors()).hasSize(1);
        assertThat(read.errors().keySet().iterator().next()).hasSize(65).endsWith("…");
    }

    @Test
    void chosenApproversAreOnlyTakenForNodesWhoseApproversTheStarterChooses() {
        assertThat(JsonStartValues.chosenNames(MODEL.nodes())).containsExactly("pick_chosen");
        var read = JsonStartValues.read(MODEL, sent("title", "a", "amount", 1, "big_chosen", "sam"), DIRECTORY);
        assertThat(read.errors()).containsOnlyKeys("big_chosen");
    }
}
