package io.opsflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientTest {

    @Test
    void parsesPrefixesAndBareValues() {
        assertThat(Recipient.parse("user:bob")).isEqualTo(Recipient.user("bob"));
        assertThat(Recipient.parse(" group:staff ")).isEqualTo(Recipient.group("staff"));
        assertThat(Recipient.parse("address:+86 138 0000 0000")).isEqualTo(Recipient.address("+86 138 0000 0000"));
        assertThat(Recipient.parse("li.lei@example.com")).isEqualTo(Recipient.address("li.lei@example.com"));
        assertThat(Recipient.parse("bob")).isEqualTo(Recipient.user("bob"));
    }
}
