package io.opsflow.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Row 4 of the fault matrix: an async step that always fails, after a person completed a task.
 * It dead-letters after the tries its retry cycle allows, the admin API shows why and moves it back
 * on retry, and the completed task with its variables is never rolled back.
 */
@OpsflowIntegrationTest
class FailingStepAfterUserWorkIT {

    private static final String PROCESS_KEY = "work-then-failing-step";
    private static final String API = "/api/v1/admin/dead-letter-jobs";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;

    @BeforeEach
    void deployed() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count() == 0) {
            repositoryService.createDeployment()
                    .name(PROCESS_KEY + " (test)")
                    .addClasspathResource("jobs/" + PROCESS_KEY + ".bpmn20.xml")
                    .enableDuplicateFiltering()
                    .deploy();
        }
    }

    @Test
    void deadLettersAfterTwoTriesWithTheReasonAndKeepsTheEarlierUserWork() throws Exception {
        String instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY).getId();
        String task = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
        taskService.complete(task, Map.of("amount", 1250, "enteredBy", "clerk"));

        Job first = managementService.createJobQuery().processInstanceId(instance).singleResult();
        assertThatThrownBy(() -> managementService.executeJob(first.getId())).isInstanceOf(RuntimeException.class);
        Job waiting = managementService.createTimerJobQuery().processInstanceId(instance).singleResult();
        assertThat(waiting).as("first failure waits for the second try of R2").isNotNull();
        assertThat(waiting.getRetries()).isEqualTo(1);
        assertThat(managementService.createDeadLetterJobQuery().processInstanceId(instance).count()).isZero();

        Job second = managementService.moveTimerToExecutableJob(waiting.getId());
        assertThatThrownBy(() -> managementService.executeJob(second.getId())).isInstanceOf(RuntimeException.class);
        Job deadLetter = managementService.createDeadLetterJobQuery().processInstanceId(instance).singleResult();
        assertThat(deadLetter).as("dead letter after the second try").isNotNull();
        assertThat(managementService.createTimerJobQuery().processInstanceId(instance).count()).isZero();

        JsonNode listed = listed(deadLetter.getId());
        assertThat(listed.get("activityId").asText()).isEqualTo("Task_AlwaysFails");
        assertThat(listed.get("reason").asText()).startsWith("Unknown method used in expression");
        assertEarlierWorkKept(instance, task);

        var retry = http.withBasicAuth("admin", "admin-test-password").postForEntity(API + "/" + deadLetter.getId() + "/retry", null,
                String.class);
        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(managementService.createDeadLetterJobQuery().processInstanceId(instance).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(instance).singleResult().getElementId())
                .isEqualTo("Task_AlwaysFails");
        assertEarlierWorkKept(instance, task);
    }

    private void assertEarlierWorkKept(String instance, String task) {
        var completed = historyService.createHistoricTaskInstanceQuery().taskId(task).singleResult();
        assertThat(completed.getEndTime()).as("the user task stays completed").isNotNull();
        assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).as("no task reopened").isZero();
        assertThat(runtimeService.getVariables(instance)).containsEntry("amount", 1250).containsEntry("enteredBy", "clerk");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("amount")
                        .singleResult().getValue())
                .isEqualTo(1250);
    }

    private JsonNode listed(String jobId) throws Exception {
        var page = JSON.readTree(http.withBasicAuth("admin", "admin-test-password").getForEntity(API + "?size=200", String.class)
                .getBody());
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(item -> item.get("id").asText().equals(jobId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("dead letter " + jobId + " not listed"));
    }

    @AfterEach
    void noInstancesLeft() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test clean-up"));
    }
}
