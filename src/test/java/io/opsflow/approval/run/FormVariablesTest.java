package io.opsflow.approval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names a starter's form may not set are also the ones the approval page never lists as form values. */
class FormVariablesTest {

    @Test
    void aNodesGeneratedStateIsNoFormValue() {
        for (String name : new String[] {"lead_result", "lead_auto", "lead_approvers", "lead_approved", "lead_rejected",
                "approvalResult", "initiator", "nrOfInstances"}) {
            assertThat(FormVariables.reserved(name)).as(name).isTrue();
            assertThatThrownBy(() -> FormVariables.check(Map.of(name, "approved")))
                    .isInstanceOf(InvalidApprovalInput.class).hasMessageContaining("may not set " + name);
        }
    }

    @Test
    void plainFieldsPass() {
        assertThat(FormVariables.check(Map.of("title", "Laptop", "amount", 1200, "urgent", true)))
                .containsEntry("title", "Laptop").containsEntry("amount", 1200).containsEntry("urgent", true);
        assertThat(FormVariables.reserved("result")).isFalse();
    }
}
