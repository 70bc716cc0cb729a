package io.opsflow.approval.model;

import static io.opsflow.approval.model.FormValuesFixtures.sent;
import static io.opsflow.approval.model.FormValuesFixtures.users;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResubmittedValuesTest {

    private static final Directory DIRECTORY = users("sam");

    private static final SimpleModel MODEL = new SimpleModel("buy", "Buy", null, new ApprovalForm(List.of(
            new FormFieldSpec("title", "Title", "text", true, null, 10, null, null, null, null, null, null, null, null, null),
            new FormFieldSpec("amount", "Amount", "number", true, null, null, BigDecimal.ZERO, null, null, null, null, null, null, null, null),
            FormFieldSpec.of("needed", "Needed by", "date"),
            FormFieldSpec.of("urgent", "Urgent", "checkbox"),
            FormFieldSpec.of("buyer", "Buyer", "user"),
            new FormFieldSpec("source", "Source", "text", null, true, null, null, null, null, "web", null, null, null, null, null))),
            List.of(ApproverNode.of("lead", "Lead", ApproverNode.Assignee.starterChooses(), ApproverNode.Method.SEQUENTIAL)));

    /** The variables of a running approval as the start stored them, with run-time bookkeeping beside them. */
    private static Map<String, Object> earlier() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", "Laptop");
        variables.put("amount", 800L);
        variables.put("needed", "2026-12-24");
        variables.put("urgent", true);
        variables.put("source", "web");
        variables.put("lead_chosen", "sam");
        variables.put("approvalStarter", "kim");
        return variables;
    }

    @Test
    void fieldsLeftOutKeepTheirValuesAndWhatIsSentReplacesThemTyped() {
        var read = ResubmittedValues.read(MODEL, earlier(), sent("amount", "2500"), DIRECTORY);

        assertThat(read.errors()).isEmpty();
        assertThat(read.values()).containsEntry("title", "Laptop").containsEntry("amount", 2500L).containsEntry("needed", "2026-12-24")
                .containsEntry("urgent", true).containsEntry("source", "web");
        assertThat(read.values()).doesNotContainKeys("lead_chosen", "approvalStarter");
        assertThat(read.cleared()).isEmpty();
    }

    @Test
    void earlierDecimalsAndDatesPassTheFormAgainUnchanged() {
        Map<String, Object> earlier = earlier();
        earlier.put("amount", 12345678.5);

        var read = ResubmittedValues.read(MODEL, earlier, Map.of(), DIRECTORY);

        assertThat(read.errors()).isEmpty();
        assertThat(read.values()).containsEntry("amount", 12345678.5).containsEntry("needed", "2026-12-24");
    }

    @Test
    void anOptionalFieldSentEmptyOrNullIsClearedAndAnUntickedBoxIsFalse() {
        var read = ResubmittedValues.read(MODEL, earlier(), sent("needed", "", "urgent", false), DIRECTORY);
        assertThat(read.errors()).isEmpty();
        assertThat(read.values()).doesNotContainKey("needed").containsEntry("urgent", false);
        assertThat(read.cleared()).containsExactly("needed");

        assertThat(ResubmittedValues.read(MODEL, earlier(), sent("needed", null), DIRECTORY).cleared()).containsExactly("needed");
    }

    @Test
    void theMergedValuesMustFitTheFormAsAtStart() {
        var read = ResubmittedValues.read(MODEL, earlier(), sent("title", "", "amount", -1, "buyer", "nobody", "amout", 5,
                "needed", "24/12/2026", "urgent", "yes", "lead_approvers", List.of("kim")), DIRECTORY);

        assertThat(read.valid()).isFalse();
        assertThat(read.errors()).containsEntry("title", "Fill this in.").containsEntry("amount", "At least 0.")
                .containsEntry("buyer", "There is no user nobody.").containsEntry("needed", "Enter a date as YYYY-MM-DD.")
                .containsEntry("urgent", "Send true or false.").containsEntry("amout", "This approval's form has no field amout.")
                .containsKey("lead_approvers");
    }

    @Test
    void aReadOnlyFieldKeepsItsDefaultAndRefusesAnotherValue() {
        assertThat(ResubmittedValues.read(MODEL, earlier(), sent("source", "api"), DIRECTORY).errors()).containsKey("source");
        assertThat(ResubmittedValues.read(MODEL, earlier(), Map.of(), DIRECTORY).values()).containsEntry("source", "web");
    }

    @Test
    void theChosenApproversMayBeChosenAgain() {
        var read = ResubmittedValues.read(MODEL, earlier(), sent("lead_chosen", List.of("sam")), DIRECTORY);

        assertThat(read.errors()).isEmpty();
        assertThat(read.values()).containsEntry("lead_chosen", "sam");
    }
}
