package io.opsflow.tasklist;

import static io.opsflow.tasklist.TaskListFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.opsflow.support.OpsflowIntegrationTest;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@OpsflowIntegrationTest
class ProcessPagesIT {

    @Autowired WebApplicationContext context;
    @Autowired TaskListFixtures fixtures;
    @Autowired HistoryService historyService;
    @Autowired TaskService taskService;

    MockMvc mvc;
    String requester;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        requester = fixtures.newUser("requester", "pw-req-123", "staff");
    }

    @Test
    void startsAProcessFromItsStartFormAsTheCaller() throws Exception {
        mvc.perform(get("/processes").with(as(requester, "staff"))).andExpect(content().string(containsString("Service request")));
        mvc.perform(get("/processes/service-request/start").with(as(requester, "staff")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Report a problem")));

        mvc.perform(post("/processes/service-request/start").param("title", "").param("priority", "999")
                        .with(as(requester, "staff")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose one of the offered options")));

        var result = mvc.perform(post("/processes/service-request/start").param("title", "No hot water").param("location", "Flat 3")
                        .param("priority", "75").param("neededBy", "2026-12-01").with(as(requester, "staff")).with(csrf()))
                .andExpect(redirectedUrlPattern("/instances/*")).andReturn();
        String instanceId = result.getResponse().getRedirectedUrl().substring("/instances/".length());
        var instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        assertThat(instance.getStartUserId()).isEqualTo(requester);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName("neededBy")
                .singleResult().getValue()).isEqualTo(java.time.LocalDate.of(2026, 12, 1));
        assertThat(taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getPriority()).isEqualTo(75);
        mvc.perform(get("/instances").with(as(requester, "staff"))).andExpect(content().string(containsString(instanceId)));
    }

    @Test
    void instancePageDrawsTheDiagramWithTheCurrentTaskAndShowsDataLiterally() throws Exception {
        var task = fixtures.startServiceRequest(requester, "${1+1} <script>alert(1)</script>");
        taskService.addComment(task.getId(), task.getProcessInstanceId(), "[[${#ctx}]] looked at it");
        mvc.perform(get("/instances/{id}", task.getProcessInstanceId()).with(as(requester, "staff")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(matchesPattern("(?s).*data-element-id=\"Task_HandleRequest\" class=\"shape active\".*")))
                .andExpect(content().string(matchesPattern("(?s).*data-element-id=\"Start_RequestReported\" class=\"shape completed\".*")))
                .andExpect(content().string(containsString("<polyline")))
                .andExpect(content().string(containsString("${1+1} &lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(containsString("[[${#ctx}]] looked at it")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void outsidersDoNotSeeTheInstance() throws Exception {
        var task = fixtures.startServiceRequest(requester, "Private");
        String outsider = fixtures.newUser("outsider", "pw-out-123");
        mvc.perform(get("/instances/{id}", task.getProcessInstanceId()).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/instances/{id}", "no-such-instance").with(as(outsider))).andExpect(status().isNotFound());
    }
}
