package io.opsflow.engine.rest;

import static io.opsflow.engine.rest.ProcessApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.OpsflowIntegrationTest;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Row 3 of the fault matrix, second half: one task is completed while a variable is written to it
 * at the same moment on /process-api. One outcome wins cleanly: the write lands before the
 * completion or is refused with 404/409; never a 500 and no variable left behind on an ended
 * execution. Meaningful on PostgreSQL; it runs in both passes.
 */
@OpsflowIntegrationTest
class CompleteVersusSetVariableRaceIT {

    private static final int ROUNDS = 20;

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identityService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;

    @Test
    void completionAndAVariableWriteAtOnceEndCleanlyEveryRound() throws Exception {
        var api = new ProcessApiCalls(rest, identityService, repositoryService);
        String alice = api.newUser("alice", "staff");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String scope = round % 2 == 0 ? "local" : "global";
                String instance = api.startPersonal(alice);
                String task = api.taskOf(alice, instance);
                var ready = new CountDownLatch(2);
                var go = new CountDownLatch(1);
                Future<ResponseEntity<String>> completion = pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return api.post(alice, "/runtime/tasks/" + task, Map.of("action", "complete"));
                });
                Future<ResponseEntity<String>> write = pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return api.put(alice, "/runtime/tasks/" + task + "/variables/raceNote",
                            Map.of("name", "raceNote", "type", "string", "value", "written in the race", "scope", scope));
                });
                assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
                go.countDown();
                ResponseEntity<String> completed = completion.get(30, TimeUnit.SECONDS);
                ResponseEntity<String> written = write.get(30, TimeUnit.SECONDS);
                String as = "round " + round + " (" + scope + "): complete " + completed.getStatusCode() + " " + completed.getBody()
                        + ", write " + written.getStatusCode() + " " + written.getBody();

                assertThat(completed.getStatusCode().value()).as(as).isIn(200, 409);
                assertThat(written.getStatusCode().value()).as(as).isIn(200, 201, 404, 409);
                if (completed.getStatusCode().value() == 409) {
                    assertGeneric(completed);
                    assertThat(written.getStatusCode().is2xxSuccessful()).as("a lost completion means the write won: " + as).isTrue();
                    assertThat(api.post(alice, "/runtime/tasks/" + task, Map.of("action", "complete")).getStatusCode().value())
                            .as("retrying the completion succeeds: " + as).isEqualTo(200);
                }
                if (!written.getStatusCode().is2xxSuccessful()) {
                    assertGeneric(written);
                }
                assertCleanEnd(instance, task, written.getStatusCode().is2xxSuccessful(), as);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertCleanEnd(String instance, String task, boolean writeWon, String as) {
        assertThat(runtimeService.createExecutionQuery().processInstanceId(instance).count()).as("instance ended: " + as).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count()).as(as).isOne();
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceId(instance).count())
                .as("no runtime variable left on the ended instance: " + as).isZero();
        assertThat(runtimeService.createVariableInstanceQuery().taskId(task).count()).as("none on the completed task: " + as).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("raceNote").count())
                .as("the write left a trace exactly when it won: " + as).isEqualTo(writeWon ? 1 : 0);
    }

    private static void assertGeneric(ResponseEntity<String> response) {
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("org.flowable")
                .doesNotContain("SQL");
        assertThat(json(response).get("message").asText()).isNotBlank();
        assertThat(json(response).get("correlationId").asText()).isNotBlank();
    }
}
