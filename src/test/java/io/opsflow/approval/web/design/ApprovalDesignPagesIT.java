package io.opsflow.approval.web.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.opsflow.approval.definition.ApprovalDefinitions;
import io.opsflow.approval.model.ModelJson;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The designer pages and the design API under the page session: who may open them, New, save with CSRF and version. */
@OpsflowIntegrationTest
class ApprovalDesignPagesIT {

    @Autowired WebApplicationContext context;
    @Autowired ApprovalDefinitions definitions;
    @Autowired RepositoryService repositoryService;

    MockMvc mvc;
    String code;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        code = TestUsers.uniqueId("dp").toLowerCase().replaceAll("[^a-z0-9-]", "-");
    }

    private static RequestPostProcessor designer() {
        return user("pg-designer").authorities(() -> "GROUP_" + Groups.DESIGNER);
    }

    private static RequestPostProcessor staff() {
        return user("pg-staff").authorities(() -> "GROUP_" + Groups.STAFF);
    }

    @Test
    void aDesignerCreatesAnApprovalFromTheListAndOpensItsEditor() throws Exception {
        mvc.perform(get("/approvals/design").with(designer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"new-approval\"")));
        mvc.perform(post("/approvals/design/new").with(designer()).with(csrf()).param("code", code).param("name", "Purchase"))
                .andExpect(redirectedUrl("/approvals/design/" + code));
        assertThat(definitions.get(code).model().nodes()).hasSize(1);
        assertThat(definitions.problems(definitions.get(code).model())).as("the first draft validates").isEmpty();

        mvc.perform(get("/approvals/design").with(designer()))
                .andExpect(content().string(containsString("data-code=\"" + code + "\"")))
                .andExpect(content().string(containsString("not published")));
        mvc.perform(get("/approvals/design/" + code).with(designer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-api=\"/approvals/design/api\"")))
                .andExpect(content().string(containsString("data-csrf-token=")))
                .andExpect(content().string(containsString("/js/approval-designer.js")))
                .andExpect(content().string(containsString("/approvals/design/api/" + code + "/draft/bpmn")));
        mvc.perform(get("/approvals/design/no-such-approval").with(designer())).andExpect(status().isNotFound());

        mvc.perform(post("/approvals/design/new").with(designer()).with(csrf()).param("code", code).param("name", "Again"))
                .andExpect(redirectedUrl("/approvals/design"))
                .andExpect(flash().attribute("warning", containsString("exists already")));
        mvc.perform(post("/approvals/design/new").with(designer()).with(csrf()).param("code", "Not Kebab").param("name", "x"))
                .andExpect(flash().attribute("warning", containsString("kebab-case")));
        assertThat(definitions.find("Not Kebab")).isEmpty();
    }

    @Test
    void staffWithoutTheDesignerRoleMayNotOpenTheDesignerNorCallItsApi() throws Exception {
        definitions.create(StarterModel.of(code, "Staff may not"), "pg-designer");
        mvc.perform(get("/approvals/design").with(staff())).andExpect(status().isForbidden());
        mvc.perform(get("/approvals/design/" + code).with(staff())).andExpect(status().isForbidden());
        mvc.perform(get("/approvals/design/api/" + code).with(staff())).andExpect(status().isForbidden());
        mvc.perform(post("/approvals/design/new").with(staff()).with(csrf()).param("code", code + "-x").param("name", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/approvals/design/api/" + code + "/publish").with(staff()).with(csrf())).andExpect(status().isForbidden());
        assertThat(definitions.find(code + "-x")).isEmpty();
        assertThat(definitions.get(code).publishedVersion()).isNull();
        mvc.perform(get("/approvals").with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/approvals/design\""))));
    }

    @Test
    void thePageApiSavesWithTheCsrfTokenAndRefusesAStaleVersionWith409() throws Exception {
        definitions.create(StarterModel.of(code, "Versions"), "pg-designer");
        String model = ModelJson.write(definitions.get(code).model()).replace("\"Versions\"", "\"Versions renamed\"");
        String body = "{\"version\": 1, \"model\": " + model + "}";

        mvc.perform(put("/approvals/design/api/" + code).with(designer()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        assertThat(definitions.get(code).version()).as("nothing saved without the CSRF token").isEqualTo(1);

        mvc.perform(put("/approvals/design/api/" + code).with(designer()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.name").value("Versions renamed"));
        mvc.perform(put("/approvals/design/api/" + code).with(designer()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("you edited version 1")))
                .andExpect(content().string(not(containsString("Exception"))));

        mvc.perform(post("/approvals/design/api/" + code + "/publish").with(designer()).with(csrf()).param("version", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.processDefinitionKey").value("approval-" + code));
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("approval-" + code).count()).isOne();
        mvc.perform(get("/approvals/design").with(designer())).andExpect(content().string(containsString("published v1")));
    }
}
