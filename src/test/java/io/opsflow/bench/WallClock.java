package io.opsflow.bench;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Wall-clock time in microseconds since the epoch: the one clock the messaging benchmark uses for
 * commits, receiver arrivals and the UTC timestamps Opsflow and the bare handler write.
 */
final class WallClock {

    private WallClock() {}

    static long nowMicros() {
        return micros(Instant.now());
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static long micros(LocalDateTime utc) {
        return micros(utc.toInstant(ZoneOffset.UTC));
    }
}
