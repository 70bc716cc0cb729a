package io.opsflow.messaging.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TargetGuardTest {

    private final TargetGuard guard = new TargetGuard("");

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/x", "http://localhost:8080/", "http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://[::1]/", "http://[fd00::1]/",
        "http://[::ffff:127.0.0.1]/", "http://100.64.0.1/", "http://[fe80::1]/"
    })
    void refusesInternalTargets(String url) {
        assertThatThrownBy(() -> guard.check(url, false))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("private");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://example.com/", "ftp://example.com/", "http://user:pw@example.com/"})
    void refusesOtherSchemesAndUserInfo(String url) {
        assertThatThrownBy(() -> guard.check(url, false)).isInstanceOf(DeliveryException.class);
    }

    @Test
    void publicAddressesPass() throws Exception {
        assertThat(TargetGuard.isInternal(InetAddress.getByName("93.184.216.34"))).isFalse();
        assertThat(TargetGuard.isInternal(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"))).isFalse();
    }

    @Test
    void anAdminCanAllowPrivateTargetsPerChannelOrByHostName() {
        assertThat(guard.check("http://127.0.0.1:9/hook", true).getPort()).isEqualTo(9);
        assertThat(new TargetGuard("hooks.internal, 127.0.0.1").check("http://127.0.0.1/", false).getHost()).isEqualTo("127.0.0.1");
    }
}
