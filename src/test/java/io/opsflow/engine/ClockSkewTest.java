package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockSkewTest {

    private static final Instant DB = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aNodeTenMinutesAheadIsReportedAheadAndBeyondThirtySeconds() {
        var skew = ClockSkew.measure(DB.plusSeconds(600).minusMillis(5), DB, DB.plusSeconds(600).plusMillis(5));

        assertThat(skew.skew()).isEqualTo(Duration.ofSeconds(600));
        assertThat(skew.exceeds(Duration.ofSeconds(30))).isTrue();
        assertThat(skew.describe()).isEqualTo("node clock is 600 s ahead of the database");
    }

    @Test
    void aNodeBehindIsReportedBehind() {
        var skew = ClockSkew.measure(DB.minusSeconds(45), DB, DB.minusSeconds(45));

        assertThat(skew.skew()).isEqualTo(Duration.ofSeconds(-45));
        assertThat(skew.exceeds(Duration.ofSeconds(30))).isTrue();
        assertThat(skew.describe()).isEqualTo("node clock is 45 s behind the database");
    }

    @Test
    void theDatabaseTimeIsComparedWithTheMiddleOfTheRoundTrip() {
        // Query sent at DB - 1 s, answered at DB + 1 s: the database answered in the middle, no skew.
        var skew = ClockSkew.measure(DB.minusSeconds(1), DB, DB.plusSeconds(1));

        assertThat(skew.skew()).isZero();
        assertThat(skew.uncertainty()).isEqualTo(Duration.ofSeconds(1));
        assertThat(skew.describe()).isEqualTo("node clock agrees with the database");
    }

    @Test
    void skewASlowRoundTripCanExplainDoesNotCount() {
        // 40 s apparent skew, but the query took 100 s: the database may have answered at any point.
        var skew = ClockSkew.measure(DB.minusSeconds(10), DB, DB.plusSeconds(90));

        assertThat(skew.skew()).isEqualTo(Duration.ofSeconds(40));
        assertThat(skew.certainSkew()).isZero();
        assertThat(skew.exceeds(Duration.ofSeconds(30))).isFalse();
    }

    @Test
    void justBelowTheThresholdIsFineAndJustAboveIsNot() {
        var at = ClockSkew.measure(DB.plusSeconds(30), DB, DB.plusSeconds(30));
        var above = ClockSkew.measure(DB.plusMillis(30_001), DB, DB.plusMillis(30_001));

        assertThat(at.exceeds(Duration.ofSeconds(30))).isFalse();
        assertThat(above.exceeds(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void largeSkewIsRoundedToWholeSeconds() {
        assertThat(ClockSkew.measure(DB.plusMillis(599_600), DB, DB.plusMillis(599_600)).describe())
                .isEqualTo("node clock is 600 s ahead of the database");
    }

    @Test
    void smallSkewIsShownInMilliseconds() {
        assertThat(ClockSkew.measure(DB.plusMillis(1500), DB, DB.plusMillis(1500)).describe())
                .isEqualTo("node clock is 1500 ms ahead of the database");
    }

    @Test
    void aClockJumpingBackDuringTheQueryGivesNoNegativeUncertainty() {
        var skew = ClockSkew.measure(DB.plusSeconds(5), DB, DB.plusSeconds(4));

        assertThat(skew.uncertainty()).isZero();
        assertThat(skew.skew()).isEqualTo(Duration.ofSeconds(5));
    }
}
