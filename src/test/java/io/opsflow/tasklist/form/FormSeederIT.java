package io.opsflow.tasklist.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Start-up loading of forms/: a version only when the content is new, once across restarts and racing nodes. */
@OpsflowIntegrationTest
class FormSeederIT {

    @Autowired FormSeeder seeder;
    @Autowired FormStore store;
    @Autowired FormEditing editing;

    private static final String FILE = "{\"title\": \"T\", \"fields\": [{\"id\": \"a\", \"type\": \"text\"}]}";

    @Test
    void anUnchangedFileAddsNoVersionAndAChangedOneAddsOne() {
        String key = TestUsers.uniqueId("seed");
        assertThat(seeder.seed(key, FILE)).isTrue();
        assertThat(seeder.seed(key, FILE)).as("a restart").isFalse();
        assertThat(seeder.seed(key, "{ \"title\" : \"T\",\n  \"fields\" : [ {\"id\":\"a\", \"type\":\"text\"} ] }")).as("only whitespace").isFalse();
        assertThat(store.latestNumber(key)).isEqualTo(1);
        assertThat(seeder.seed(key, FILE.replace("\"T\"", "\"T2\""))).isTrue();
        assertThat(store.latest(key).orElseThrow().comment()).isEqualTo("from forms/" + key + ".json");
        assertThat(store.latestNumber(key)).isEqualTo(2);
    }

    @Test
    void aDesignersVersionIsNotOverwrittenByTheUnchangedFile() {
        String key = TestUsers.uniqueId("seed");
        seeder.seed(key, FILE);
        editing.save(key, 1, FormJson.tree(FILE.replace("\"T\"", "\"Edited\"")), "designer's", "dora");
        assertThat(seeder.seed(key, FILE)).isFalse();
        assertThat(store.latest(key).orElseThrow().createdBy()).isEqualTo("dora");
    }

    @Test
    void twoNodesSeedingAtOnceStoreOneVersion() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = TestUsers.uniqueId("seed-race");
            var barrier = new CyclicBarrier(2);
            var first = CompletableFuture.supplyAsync(() -> seedAfter(barrier, key));
            var second = CompletableFuture.supplyAsync(() -> seedAfter(barrier, key));
            boolean a = first.get(), b = second.get();
            assertThat(a ^ b).as("exactly one stores it (first %s, second %s, versions %s)", a, b, store.versions(key)).isTrue();
            assertThat(store.versions(key)).hasSize(1);
        }
    }

    @Test
    void anInvalidFileIsNotLoaded() {
        String key = TestUsers.uniqueId("seed-bad");
        assertThat(seeder.seed(key, "{\"fields\": [{\"id\": \"a\", \"type\": \"colour\"}]}")).isFalse();
        assertThat(store.latest(key)).isEmpty();
    }

    private boolean seedAfter(CyclicBarrier barrier, String key) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return seeder.seed(key, FILE);
    }
}
