package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Row 9: kill -STOP A in the middle of a delivery for longer than the lock time, then -CONT. B takes
 * the job over; A's late finish must not apply the effect twice or leave a dead letter.
 */
@Order(78)
@ExtendWith(FaultSuite.class)
class StallFaultTest {

    static final Duration STALL = Duration.ofSeconds(Long.getLong("opsflow.fault.stallSeconds", 60));

    @Test
    void aStalledNodesJobIsTakenOverAndItsLateFinishChangesNothing(Rig rig) throws IOException {
        var cluster = rig.cluster;
        cluster.ensureStandard();
        assertThat(STALL).isGreaterThan(cluster.a.settings().lockTime());
        var sink = cluster.sink;
        sink.reset();
        sink.delay(Duration.ofSeconds(5));
        String template = rig.template("row9");
        String instance = rig.startHook(cluster.a, template);
        Await.until(Duration.ofSeconds(60), "A's webhook call", () -> sink.hits().size() == 1);
        String key = sink.hits().get(0).key();
        Instant stoppedAt = Instant.now();
        cluster.a.pause();
        try {
            Await.until(STALL, "B calling the sink while A is stopped", () -> sink.hitsOf(key).size() >= 2);
            Duration takeOver = Duration.between(stoppedAt, sink.hitsOf(key).get(1).at());
            Figures.record(9, "SIGSTOP to B's take-over", Figures.seconds(takeOver));
            Await.until(Duration.ofSeconds(30), "B marking it SENT", () -> "SENT".equals(rig.messageOf(cluster.b, instance).path("status").asText()));
            Duration left = STALL.minus(Duration.between(stoppedAt, Instant.now()));
            if (!left.isNegative()) {
                Await.sleep(left);
            }
        } finally {
            cluster.a.resume();
        }
        cluster.a.awaitHealthy(Duration.ofSeconds(60));
        // Give A time to finish its late attempt and try to commit it.
        Await.sleep(Duration.ofSeconds(15));

        var message = rig.messageOf(cluster.a, instance);
        String logA = latestLog(cluster.a);
        boolean lateCommitRejected = logA.contains("FlowableOptimisticLockingException") || logA.contains("was updated by another transaction");
        Figures.record(9, "stall length", Figures.seconds(STALL));
        Figures.record(9, "sink calls with the key / applied", sink.hitsOf(key).size() + " / " + (sink.applied().contains(key) ? 1 : 0));
        Figures.record(9, "A's late commit rejected by optimistic locking (seen in A's log)", String.valueOf(lateCommitRejected));
        Figures.record(9, "message status / attempts", message.path("status").asText() + " / " + message.path("attempts").asText());
        assertThat(sink.hits()).allMatch(hit -> hit.key().equals(key));
        assertThat(sink.hitsOf(key)).hasSize(2);
        assertThat(sink.applied()).containsExactly(key);
        assertThat(message.path("status").asText()).isEqualTo("SENT");
        assertThat(rig.deadLetters(cluster.a)).isZero();
        assertThat(rig.count("select count(*) from act_ru_job where handler_type_ = 'opsflow-message-delivery'")).isZero();
    }

    private static String latestLog(Node node) throws IOException {
        try (var files = Files.list(Path.of("target", "fault-logs"))) {
            var latest = files.filter(p -> p.getFileName().toString().startsWith(node.name()))
                    .max((x, y) -> Long.compare(x.toFile().lastModified(), y.toFile().lastModified()));
            return latest.isPresent() ? Files.readString(latest.get()) : "";
        }
    }
}
