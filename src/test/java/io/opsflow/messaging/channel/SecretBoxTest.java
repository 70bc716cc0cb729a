package io.opsflow.messaging.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class SecretBoxTest {

    @TempDir
    Path dir;

    private final MockEnvironment environment = new MockEnvironment().withProperty("SMTP_PASSWORD", "from-env");

    @Test
    void encryptsWithARandomNonceAndDecryptsWithTheSameKey() {
        var box = new SecretBox("cluster-key", dir.resolve("unused.key"), environment);

        String first = box.seal("hunter2");
        String second = box.seal("hunter2");

        assertThat(first).startsWith("v1:").doesNotContain("hunter2").isNotEqualTo(second);
        assertThat(new SecretBox("cluster-key", dir.resolve("unused.key"), environment).reveal(first)).isEqualTo("hunter2");
        assertThatThrownBy(() -> new SecretBox("other-key", dir.resolve("unused.key"), environment).reveal(first))
                .hasMessageContaining("OPSFLOW_SECRET_KEY");
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedIntoAFileAndReused() {
        Path file = dir.resolve("data/secret.key");
        String sealed = new SecretBox("", file, environment).seal("pw");

        assertThat(file).exists();
        assertThat(new SecretBox("", file, environment).reveal(sealed)).isEqualTo("pw");
    }

    @Test
    void environmentReferencesAreStoredAsIsAndReadAtSendTime() {
        var box = new SecretBox("k", dir.resolve("unused.key"), environment);

        assertThat(box.seal("${SMTP_PASSWORD}")).isEqualTo("${SMTP_PASSWORD}");
        assertThat(box.reveal("${SMTP_PASSWORD}")).isEqualTo("from-env");
        assertThatThrownBy(() -> box.reveal("${NOT_SET_ANYWHERE}")).hasMessageContaining("not set on this node");
    }
}
