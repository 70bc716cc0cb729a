package io.opsflow.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Row 6: kill -9 A while its delivery job waits 20 s for the webhook answer; B delivers it again. */
@Order(10)
@ExtendWith(FaultSuite.class)
class KillDuringWebhookFaultTest {

    @Test
    void nodeBDeliversTheMessageOfAKilledNodeWithTheSameKeyAndTheReceiverAppliesItOnce(Rig rig) {
        var cluster = rig.cluster;
        cluster.ensureStandard();
        var sink = cluster.sink;
        sink.reset();
        sink.delay(Duration.ofSeconds(20));
        String template = rig.template("row6");

        String instance = rig.startHook(cluster.a, template);
        Await.until(Duration.ofSeconds(60), "A's webhook call reaching the sink", () -> sink.hits().size() == 1);
        String key = sink.hits().get(0).key();
        Instant killedAt = Instant.now();
        cluster.a.kill9();

        Await.until(Duration.ofSeconds(90), "B calling the sink again", () -> sink.hitsOf(key).size() >= 2);
        Duration takeOver = Duration.between(killedAt, sink.hitsOf(key).get(1).at());
        Await.until(Duration.ofSeconds(60), "the message marked SENT",
                () -> "SENT".equals(rig.messageOf(cluster.b, instance).path("status").asText()));

        Figures.record(6, "take-over after kill -9 (lock 30 s + reset 5 s)", Figures.seconds(takeOver));
        Figures.record(6, "sink calls with the key / applied", sink.hitsOf(key).size() + " / " + (sink.applied().contains(key) ? 1 : 0));
        assertThat(takeOver).isLessThan(Duration.ofSeconds(60));
        assertThat(sink.hits()).allMatch(hit -> hit.key().equals(key));
        assertThat(sink.hitsOf(key)).hasSize(2);
        assertThat(sink.applied()).containsExactly(key);
        assertThat(rig.deadLetters(cluster.b)).isZero();
    }
}
