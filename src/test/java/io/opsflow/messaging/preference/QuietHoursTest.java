package io.opsflow.messaging.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private final Preferences.QuietHours overnight =
            new Preferences.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Asia/Shanghai"));

    @Test
    void outsideQuietHoursAMessageGoesNow() {
        Instant noonInShanghai = Instant.parse("2026-11-23T04:00:00Z");
        assertThat(overnight.deferUntil(noonInShanghai)).isEqualTo(noonInShanghai);
    }

    @Test
    void lateAtNightItWaitsUntilTheMorning() {
        Instant elevenPm = Instant.parse("2026-11-23T15:00:00Z");
        assertThat(overnight.deferUntil(elevenPm)).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
    }

    @Test
    void earlyInTheMorningItWaitsUntilTheEndOfTheSameNight() {
        Instant threeAm = Instant.parse("2026-11-23T19:00:00Z");
        assertThat(overnight.deferUntil(threeAm)).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
    }

    @Test
    void daytimeQuietHoursWork() {
        var lunch = new Preferences.QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), ZoneId.of("UTC"));
        assertThat(lunch.deferUntil(Instant.parse("2026-11-23T12:30:00Z"))).isEqualTo(Instant.parse("2026-11-23T13:00:00Z"));
        assertThat(lunch.deferUntil(Instant.parse("2026-11-23T13:00:00Z"))).isEqualTo(Instant.parse("2026-11-23T13:00:00Z"));
    }
}
