package io.opsflow.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "clock": this node's clock against the database's
 * {@code CURRENT_TIMESTAMP}. Job locks and timers are stamped with the node's JVM time and compared
 * on other nodes, so a node whose clock is off steals or strands jobs and fires timers early or late;
 * past {@code opsflow.engine.max-clock-skew} the component is DOWN.
 */
@Component // health component "clock": Spring strips the HealthIndicator suffix
class ClockHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration maxSkew;

    @Autowired
    ClockHealthIndicator(JdbcTemplate jdbc, EngineProperties properties) {
        // The JVM's own clock, which Flowable uses for locks and timers, not a clock tests may move.
        this(jdbc, Clock.systemUTC(), properties.maxClockSkew());
    }

    ClockHealthIndicator(JdbcTemplate jdbc, Clock clock, Duration maxSkew) {
        super("Clock check failed: the database did not tell its time");
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Instant sent = clock.instant();
        OffsetDateTime database = jdbc.queryForObject("select CURRENT_TIMESTAMP", OffsetDateTime.class);
        Instant received = clock.instant();
        ClockSkew measured = ClockSkew.measure(sent, database.toInstant(), received);

        if (measured.exceeds(maxSkew)) {
            health.down().withDetail("message", measured.describe() + "; timers and job locks depend on it");
        } else {
            health.up();
        }
        health.withDetail("skewMillis", measured.skew().toMillis())
                .withDetail("uncertaintyMillis", measured.uncertainty().toMillis())
                .withDetail("maxSkew", maxSkew.toString());
    }
}
