package io.opsflow.tasklist;

import static io.opsflow.tasklist.TaskListFixtures.PNG;
import static io.opsflow.tasklist.TaskListFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.opsflow.support.OpsflowIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@OpsflowIntegrationTest
class TaskListIT {

    @Autowired WebApplicationContext context;
    @Autowired TaskListFixtures fixtures;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;

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
    void groupTaskMovesToMyTasksOnClaimAndBackOnUnclaim() throws Exception {
        var task = fixtures.startServiceRequest(outsider, "Leaking tap");
        mvc.perform(get("/tasks/group").with(as(alice, "staff"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(task.getId())));
        mvc.perform(get("/tasks").with(as(alice, "staff"))).andExpect(content().string(not(containsString(task.getId()))));

        mvc.perform(post("/tasks/{id}/claim", task.getId()).with(as(alice, "staff")).with(csrf()))
                .andExpect(redirectedUrl("/tasks/" + task.getId()));
        mvc.perform(get("/tasks").with(as(alice, "staff"))).andExpect(content().string(containsString(task.getId())));
        mvc.perform(get("/tasks/group").with(as(alice, "staff"))).andExpect(content().string(not(containsString(task.getId()))));

        mvc.perform(post("/tasks/{id}/unclaim", task.getId()).with(as(alice, "staff")).with(csrf())).andExpect(redirectedUrl("/tasks"));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void filtersNarrowTheList() throws Exception {
        var task = fixtures.startServiceRequest(outsider, "Broken window");
        mvc.perform(get("/tasks/group").param("process", "service-request").param("minPriority", "100").with(as(alice, "staff")))
                .andExpect(content().string(containsString(task.getId())));
        mvc.perform(get("/tasks/group").param("process", "no-such-process").with(as(alice, "staff")))
                .andExpect(content().string(not(containsString(task.getId()))));
        mvc.perform(get("/tasks/group").param("dueBefore", "2000-01-01").with(as(alice, "staff")))
                .andExpect(content().string(not(containsString(task.getId()))));
    }

    @Test
    void claimingATaskSomeoneElseJustClaimedGivesAFriendlyMessage() throws Exception {
        var task = fixtures.startServiceRequest(outsider, "Door stuck");
        taskService.claim(task.getId(), alice);
        mvc.perform(post("/tasks/{id}/claim", task.getId()).with(as(bob, "staff")).with(csrf()))
                .andExpect(redirectedUrl("/tasks/group"))
                .andExpect(flash().attribute("warning", containsString("Someone else")));
    }

    @Test
    void outsidersCannotOpenCompleteOrDownloadFromATask() throws Exception {
        var task = fixtures.startServiceRequest(alice, "Light out");
        taskService.claim(task.getId(), alice);
        mvc.perform(get("/tasks/{id}", task.getId()).with(as(outsider))).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(post("/tasks/{id}/complete", task.getId()).param("resolution", "done").with(as(outsider)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tasks/{id}/attachments/{a}", task.getId(), "x").with(as(outsider))).andExpect(status().isNotFound());
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void invalidFormIsShownAgainWith400AndNothingCompleted() throws Exception {
        var task = fixtures.startServiceRequest(outsider, "Heating");
        taskService.claim(task.getId(), alice);
        mvc.perform(post("/tasks/{id}/complete", task.getId()).param("resolution", "").param("hoursSpent", "lots")
                        .with(as(alice, "staff")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Please fill in What did you do?")))
                .andExpect(content().string(containsString("Enter a number")))
                .andExpect(content().string(containsString("value=\"lots\"")));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void completingMovesTheProcessOnWithTypedVariablesAndPhotosAsAttachments() throws Exception {
        var task = fixtures.startServiceRequest(outsider, "Flickering lamp");
        taskService.claim(task.getId(), alice);
        mvc.perform(multipart("/tasks/{id}/complete", task.getId())
                        .file(new MockMultipartFile("photos", "../lamp.png", "text/html", PNG))
                        .param("resolution", "Replaced the bulb").param("hoursSpent", "1.5").param("partsUsed", "true")
                        .with(as(alice, "staff")).with(csrf()))
                .andExpect(redirectedUrl("/tasks"))
                .andExpect(flash().attribute("message", "Task completed."));

        var next = taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_ReviewRequest");
        assertThat(taskService.getVariable(next.getId(), "hoursSpent")).isEqualTo(1.5d);
        assertThat(taskService.getVariable(next.getId(), "partsUsed")).isEqualTo(true);
        assertThat(taskService.getVariable(next.getId(), "title")).isEqualTo("Flickering lamp");
        var attachments = taskService.getTaskAttachments(task.getId());
        assertThat(attachments).singleElement().satisfies(a -> {
            assertThat(a.getName()).isEqualTo("lamp.png");
            assertThat(a.getType()).isEqualTo("image/png");
        });

        String supervisor = fixtures.newUser("sue", "pw-sue-123", "supervisor");
        mvc.perform(get("/tasks/{id}", next.getId()).with(as(supervisor, "supervisor")))
                .andExpect(content().string(containsString("/instances/" + task.getProcessInstanceId() + "/attachments/" + attachments.get(0).getId())));
        mvc.perform(get("/instances/{p}/attachments/{a}", task.getProcessInstanceId(), attachments.get(0).getId()).with(as(supervisor, "supervisor")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(PNG));
        mvc.perform(get("/instances/{p}/attachments/{a}", task.getProcessInstanceId(), attachments.get(0).getId()).with(as(bob)))
                .andExpect(status().isNotFound());
    }

    @Test
    void injectionStringsAreShownLiterally() throws Exception {
        String evil = "${1+1} [[${#ctx}]] __${7*7}__ <b>bold</b>";
        var task = fixtures.startServiceRequest(outsider, evil);
        taskService.claim(task.getId(), alice);
        mvc.perform(post("/tasks/{id}/comments", task.getId()).param("message", "#{9*9} " + evil).with(as(alice, "staff")).with(csrf()));
        mvc.perform(get("/tasks/{id}", task.getId()).with(as(alice, "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("${1+1} [[${#ctx}]] __${7*7}__ &lt;b&gt;bold&lt;/b&gt;")))
                .andExpect(content().string(containsString("#{9*9}")))
                .andExpect(content().string(not(containsString("<b>bold</b>"))));
    }

    @Test
    void attachmentsAreDownloadedAsFilesNeverRendered() throws Exception {
        var task = fixtures.startServiceRequest(outsider, "Crack in wall");
        taskService.claim(task.getId(), alice);
        mvc.perform(multipart("/tasks/{id}/attachments", task.getId())
                        .file(new MockMultipartFile("file", "crack\r\nX-Evil: 1.png", "image/png", PNG))
                        .with(as(alice, "staff")).with(csrf()))
                .andExpect(flash().attribute("message", "File attached."));
        mvc.perform(multipart("/tasks/{id}/attachments", task.getId())
                        .file(new MockMultipartFile("file", "page.jpg", "image/jpeg", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                        .with(as(alice, "staff")).with(csrf()))
                .andExpect(flash().attribute("warning", containsString("Only JPEG, PNG and PDF")));

        var attachment = taskService.getTaskAttachments(task.getId()).get(0);
        assertThat(taskService.getTaskAttachments(task.getId())).hasSize(1);
        mvc.perform(get("/tasks/{t}/attachments/{a}", task.getId(), attachment.getId()).with(as(bob, "staff")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment;")))
                .andExpect(header().string("Content-Disposition", not(containsString("\n"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(content().bytes(PNG));
    }
}
