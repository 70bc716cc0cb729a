package io.opsflow.messaging.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.messaging.template.HeaderText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Header injection: an address or subject can never add a header line or a second recipient. */
class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "victim@example.com\r\nBcc: all@example.com", "victim@example.com\nBcc: all@example.com", "a@example.com, b@example.com",
        "a@example.com; b@example.com", "not an address", "", "a@example.com\u0000"
    })
    void rejectsInjectedOrMultipleAddresses(String address) {
        assertThatThrownBy(() -> EmailChannel.address(address, "recipient"))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void acceptsOneAddress() {
        assertThat(EmailChannel.address("Li Lei <li.lei@example.com>", "recipient").getAddress()).isEqualTo("li.lei@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hi\r\nBcc: x@example.com", "Hi\nX: y", "Hi\rX", "Hi\u2028X"})
    void lineBreaksInHeaderTextAreDetected(String subject) {
        assertThat(HeaderText.hasLineBreak(subject)).isTrue();
    }
}
