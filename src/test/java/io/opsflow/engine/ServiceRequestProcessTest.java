package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.OpsflowIntegrationTest;
import java.util.Map;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shipped {@code processes/service-request.bpmn20.xml}, path by path. */
@OpsflowIntegrationTest
class ServiceRequestProcessTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    IdentityService identityService;

    @Test
    void staffHandlesTheRequestThenASupervisorReviewsItAndItCloses() {
        identityService.setAuthenticatedUserId("reporter-1");
        String id;
        try {
            id = runtimeService
                    .startProcessInstanceByKey("service-request", Map.of("title", "Leaking tap", "priority", "75"))
                    .getId();
        } finally {
            identityService.setAuthenticatedUserId(null);
        }

        var handle = taskService.createTaskQuery().processInstanceId(id).singleResult();
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("Task_HandleRequest");
        assertThat(handle.getPriority()).isEqualTo(75);
        assertThat(taskService.createTaskQuery().taskId(handle.getId()).taskCandidateGroup("staff").count()).isEqualTo(1);
        taskService.claim(handle.getId(), "staff-1");
        taskService.complete(handle.getId(), Map.of("resolution", "Replaced the washer"));

        var review = taskService.createTaskQuery().processInstanceId(id).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewRequest");
        assertThat(taskService.createTaskQuery().taskId(review.getId()).taskCandidateGroup("supervisor").count()).isEqualTo(1);
        taskService.complete(review.getId(), Map.of("reviewOutcome", "accepted"));

        var done = historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getStartUserId()).isEqualTo("reporter-1");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(id)
                        .orderByHistoricActivityInstanceStartTime().asc().orderByHistoricActivityInstanceId().asc().list().stream()
                        .map(HistoricActivityInstance::getActivityId)
                        .filter(a -> !a.startsWith("Flow_")))
                .containsExactly("Start_RequestReported", "Task_HandleRequest", "Task_ReviewRequest", "End_RequestClosed");
    }

    @Test
    void aRequestStartedWithoutAPriorityGetsTheNormalOne() {
        String id = runtimeService.startProcessInstanceByKey("service-request", Map.of("title", "No priority given")).getId();

        assertThat(taskService.createTaskQuery().processInstanceId(id).singleResult().getPriority()).isEqualTo(50);
    }
}
