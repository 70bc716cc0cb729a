package io.opsflow.tasklist;

import static io.opsflow.tasklist.TaskListFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.opsflow.support.OpsflowIntegrationTest;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@OpsflowIntegrationTest
class TaskApiIT {

    @Autowired WebApplicationContext context;
    @Autowired TaskListFixtures fixtures;
    @Autowired TaskService taskService;

    MockMvc mvc;
    String alice;
    String bob;
    String outsider;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        alice = fixtures.newUser("alice", "pw-alice-123", "staff");
        bob = fixtures.newUser("bob", "pw-bob-123", "staff");
        outsider = fixtures.newUser("outsider", "pw-out-123");
    }

    @Test
    void listsGroupAndOwnTasksWithHttpBasic() throws Exception {
        var task = fixtures.startServiceRequest(outsider, "API tap");
        mvc.perform(get("/api/v1/tasks").param("scope", "group").with(httpBasic(alice, "pw-alice-123")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasks[*].id", hasItem(task.getId())))
                .andExpect(jsonPath("$.size").value(20));
        mvc.perform(post("/api/v1/tasks/{id}/claim", task.getId()).with(httpBasic(alice, "pw-alice-123"))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/tasks").param("scope", "mine").with(httpBasic(alice, "pw-alice-123")))
                .andExpect(jsonPath("$.tasks[*].id", hasItem(task.getId())));
        mvc.perform(get("/api/v1/tasks").param("scope", "group").with(as(alice, "staff")))
                .andExpect(jsonPath("$.tasks[*].id", not(hasItem(task.getId()))));
        mvc.perform(get("/api/v1/tasks").param("scope", "everything").with(as(alice, "staff"))).andExpect(status().isBadRequest());
    }

    @Test
    void claimConflictsAndUnclaim() throws Exception {
        var task = fixtures.startServiceRequest(outsider, "API door");
        mvc.perform(post("/api/v1/tasks/{id}/claim", task.getId()).with(as(alice, "staff"))).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/tasks/{id}/claim", task.getId()).with(as(bob, "staff")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.message").value("Someone else has just taken this task."));
        mvc.perform(post("/api/v1/tasks/{id}/unclaim", task.getId()).with(as(bob, "staff"))).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/tasks/{id}/unclaim", task.getId()).with(as(alice, "staff"))).andExpect(status().isNoContent());
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void formShowsDefinitionAndCurrentValues() throws Exception {
        var task = fixtures.startServiceRequest(outsider, "${1+1}");
        mvc.perform(get("/api/v1/tasks/{id}/form", task.getId()).with(as(alice, "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.definition.key").value("handle-request"))
                .andExpect(jsonPath("$.definition.fields[0].type").value("text"))
                .andExpect(jsonPath("$.definition.fields[0].readOnly").value(true))
                .andExpect(jsonPath("$.values.title").value("${1+1}"));
    }

    @Test
    void invalidSubmissionIs400WithFieldErrorsAndCompletesNothing() throws Exception {
        var task = fixtures.startServiceRequest(outsider, "API heating");
        mvc.perform(post("/api/v1/tasks/{id}/form", task.getId()).with(as(alice, "staff"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"hoursSpent\": 1000, \"partsUsed\": \"maybe\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Some values are not valid."))
                .andExpect(jsonPath("$.fieldErrors.resolution").exists())
                .andExpect(jsonPath("$.fieldErrors.hoursSpent").value("At most 100."))
                .andExpect(jsonPath("$.fieldErrors.partsUsed").exists())
                .andExpect(jsonPath("$.correlationId").exists());
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void validSubmissionCompletesTheTaskWithTypedVariables() throws Exception {
        var task = fixtures.startServiceRequest(outsider, "API lamp");
        mvc.perform(post("/api/v1/tasks/{id}/form", task.getId()).with(as(alice, "staff")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"resolution\": \"Done\", \"hoursSpent\": 0.5, \"partsUsed\": true, \"title\": \"overwritten?\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.completed").value(true));
        var next = taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_ReviewRequest");
        assertThat(taskService.getVariable(next.getId(), "hoursSpent")).isEqualTo(0.5d);
        assertThat(taskService.getVariable(next.getId(), "title")).isEqualTo("API lamp");
    }

    @Test
    void isDocumentedInOpenApi() throws Exception {
        mvc.perform(get("/api/v1/openapi").with(as(alice, "staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/tasks/{id}/form'].post.summary").value("Submit the form and complete the task"));
    }

    @Test
    void tasksOfOthersAreNotFound() throws Exception {
        var task = fixtures.startServiceRequest(alice, "API private");
        mvc.perform(get("/api/v1/tasks/{id}", task.getId()).with(as(outsider))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/tasks/{id}/form", task.getId()).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/tasks/{id}/form", task.getId()).with(as(outsider)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"resolution\": \"x\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/tasks/{id}/claim", task.getId()).with(as(outsider))).andExpect(status().isNotFound());
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }
}
