package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StaffDirectoryTest {

    private final StaffDirectory utc = new StaffDirectory(40, "UTC");

    @Test
    void aWeekHasFortyHoursMondayToFriday() {
        // 2031-02-03 is a Monday.
        assertThat(utc.workingHours("lily", Instant.parse("2031-02-03T00:00:00Z"), Instant.parse("2031-02-10T00:00:00Z")))
                .isCloseTo(40, within(1e-9));
        assertThat(utc.workingHours("lily", Instant.parse("2031-02-08T00:00:00Z"), Instant.parse("2031-02-10T00:00:00Z")))
                .as("Saturday and Sunday").isZero();
    }

    @Test
    void februaryTwentyThirtyOneHasTwentyWorkingDaysAndPartDaysCountInPart() {
        assertThat(utc.workingHours("lily", Instant.parse("2031-02-01T00:00:00Z"), Instant.parse("2031-03-01T00:00:00Z")))
                .isCloseTo(160, within(1e-9));
        assertThat(utc.workingHours("lily", Instant.parse("2031-02-03T12:00:00Z"), Instant.parse("2031-02-03T18:00:00Z")))
                .isCloseTo(2, within(1e-9));
        assertThat(utc.workingHours("lily", Instant.parse("2031-02-03T12:00:00Z"), Instant.parse("2031-02-03T12:00:00Z"))).isZero();
    }

    @Test
    void daysAreCountedInTheConfiguredZone() {
        StaffDirectory shanghai = new StaffDirectory(40, "Asia/Shanghai");
        // Friday 16:00 UTC to Saturday 00:00 UTC is Saturday 00:00-08:00 in Shanghai: no hours.
        assertThat(shanghai.workingHours("lily", Instant.parse("2031-02-07T16:00:00Z"), Instant.parse("2031-02-08T00:00:00Z"))).isZero();
        assertThat(new StaffDirectory(20, "UTC").workingHours("lily", Instant.parse("2031-02-03T00:00:00Z"), Instant.parse("2031-02-04T00:00:00Z")))
                .isCloseTo(4, within(1e-9));
    }
}
