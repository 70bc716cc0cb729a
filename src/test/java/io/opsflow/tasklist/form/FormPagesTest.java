package io.opsflow.tasklist.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FormPagesTest {

    @Test
    void fillsVariablesUrlEncoded() {
        assertThat(FormPages.variables("/work-orders/{workOrderId}#acceptance")).containsExactly("workOrderId");
        assertThat(FormPages.resolve("/work-orders/{workOrderId}#acceptance", Map.of("workOrderId", "a b/../c")))
                .contains("/work-orders/a%20b%2F..%2Fc#acceptance");
        assertThat(FormPages.resolve("/work-orders/{workOrderId}", Map.of())).isEmpty();
    }

    @Test
    void onlyPathsOnThisSiteAreAccepted() {
        assertThat(FormPages.isLocalPath("/work-orders/{id}")).isTrue();
        assertThat(FormPages.isLocalPath("//evil.example/x")).isFalse();
        assertThat(FormPages.isLocalPath("https://evil.example/x")).isFalse();
        assertThat(FormPages.isLocalPath("/\\evil.example")).isFalse();
        assertThat(FormPages.isLocalPath("work-orders")).isFalse();
    }
}
