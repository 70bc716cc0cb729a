package io.opsflow.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * How far this node's clock is ahead of the database's (negative: behind), measured with one query:
 * the database's time is compared with the middle of the query's round trip, and half the round trip
 * is the measurement's uncertainty, so a slow query never passes for skew.
 *
 * @param skew node time minus database time
 * @param uncertainty half the round trip of the measuring query
 */
record ClockSkew(Duration skew, Duration uncertainty) {

    static ClockSkew measure(Instant sentAt, Instant databaseTime, Instant receivedAt) {
        Duration roundTrip = Duration.between(sentAt, receivedAt);
        if (roundTrip.isNegative()) {
            // The node's clock jumped back during the query; nothing can be concluded from this round trip.
            roundTrip = Duration.ZERO;
        }
        Instant middle = sentAt.plus(roundTrip.dividedBy(2));
        return new ClockSkew(Duration.between(databaseTime, middle), roundTrip.dividedBy(2));
    }

    /** The skew that cannot be explained by the round trip. */
    Duration certainSkew() {
        Duration beyond = skew.abs().minus(uncertainty);
        return beyond.isNegative() ? Duration.ZERO : beyond;
    }

    boolean exceeds(Duration max) {
        return certainSkew().compareTo(max) > 0;
    }

    /** For example {@code node clock is 600 s ahead of the database}. */
    String describe() {
        if (skew.isZero()) {
            return "node clock agrees with the database";
        }
        return "node clock is " + amount(skew.abs()) + (skew.isNegative() ? " behind" : " ahead of") + " the database";
    }

    private static String amount(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(10)) >= 0) {
            return Math.round(duration.toMillis() / 1000.0) + " s";
        }
        return duration.toMillis() + " ms";
    }
}
