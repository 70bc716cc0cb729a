package io.opsflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import io.opsflow.tasklist.form.FormDefinitions;
import io.opsflow.tasklist.form.FormStore;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** /api/v1/forms: staff read, designers save versions based on the one they read; stale saves 409, bad forms 400 per field. */
@OpsflowIntegrationTest
class FormApiIT {

    @Autowired WebApplicationContext context;
    @Autowired IdentityService identityService;
    @Autowired FormStore store;
    @Autowired FormDefinitions definitions;
    @Autowired FormCatalog catalog;

    MockMvc mvc;
    String designer;
    String staff;
    String key;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        designer = TestUsers.create(identityService, "form-designer", Groups.DESIGNER);
        staff = TestUsers.create(identityService, "form-staff", Groups.STAFF);
        key = TestUsers.uniqueId("api-form");
    }

    private static String save(int version, String definition) {
        return "{\"version\": " + version + ", \"comment\": \"c" + version + "\", \"definition\": " + definition + "}";
    }

    private static final String V1 = "{\"title\": \"Leak\", \"fields\": [{\"id\": \"kind\", \"type\": \"select\", \"required\": true,"
            + " \"options\": [{\"value\": \"tap\"}, {\"value\": \"other\"}]}]}";
    private static final String V2 = "{\"title\": \"Leak\", \"fields\": [{\"id\": \"kind\", \"type\": \"select\", \"required\": true,"
            + " \"options\": [{\"value\": \"tap\"}, {\"value\": \"other\"}]},"
            + " {\"id\": \"what\", \"type\": \"text\", \"required\": true, \"visibleWhen\": {\"field\": \"kind\", \"equals\": \"other\"}}]}";

    @Test
    void shippedFilesAreLoadedOnceAsVersions() throws Exception {
        assertThat(store.versions("handle-request")).hasSize(1);
        assertThat(store.versions("handle-request").get(0).createdBy()).isEqualTo("system");
        assertThat(catalog.keys()).contains("handle-request", "perform-work-order");
        mvc.perform(get("/api/v1/forms").with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].key", hasItem("handle-request")));
        mvc.perform(get("/api/v1/forms/handle-request").with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.definition.fields[0].id").value("title"));
    }

    @Test
    void designerSavesVersionsAndStaffReadsTheLatestOrAnOlderOne() throws Exception {
        mvc.perform(put("/api/v1/forms/{key}", key).with(httpBasic(designer, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(save(0, V1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1)).andExpect(header().string("ETag", "\"v1\""));
        mvc.perform(put("/api/v1/forms/{key}", key).with(httpBasic(designer, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(save(1, V2)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.createdBy").value(designer));

        mvc.perform(get("/api/v1/forms/{key}", key).with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.definition.fields[1].visibleWhen.equals").value("other"));
        mvc.perform(get("/api/v1/forms/{key}", key).param("version", "1").with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.definition.fields.length()").value(1));
        mvc.perform(get("/api/v1/forms/{key}/versions", key).with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[*].version").value(org.hamcrest.Matchers.contains(2, 1)))
                .andExpect(jsonPath("$[0].comment").value("c1"));
        assertThat(definitions.get(key).field("what")).isPresent();
        assertThat(catalog.exists(key)).isTrue();

        mvc.perform(get("/api/v1/forms/{key}/export", key).param("version", "1").with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(key + ".json")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(jsonPath("$.fields.length()").value(1));
    }

    @Test
    void aSaveBasedOnAnOldVersionIs409WithTheCurrentVersionAndChangesNothing() throws Exception {
        mvc.perform(put("/api/v1/forms/{key}", key).with(httpBasic(designer, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(save(0, V1))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/forms/{key}", key).with(httpBasic(designer, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(save(1, V2))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/forms/{key}", key).with(httpBasic(designer, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(save(1, V1)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(2))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("version 2")));
        assertThat(store.latestNumber(key)).isEqualTo(2);
    }

    @Test
    void anInvalidFormIs400WithAMessagePerFieldAndIsNotStored() throws Exception {
        String bad = "{\"fields\": [{\"id\": \"a\", \"type\": \"colour\"}, {\"id\": \"b\", \"type\": \"text\", \"pattern\": \"[a-\"},"
                + " {\"id\": \"b\", \"type\": \"text\"}, {\"id\": \"c\", \"type\": \"text\", \"visibleWhen\": {\"field\": \"zzz\", \"equals\": \"1\"}}]}";
        mvc.perform(post("/api/v1/forms/validate").with(httpBasic(designer, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors['fields[0].type']").value(org.hamcrest.Matchers.containsString("colour")))
                .andExpect(jsonPath("$.fieldErrors['fields[1].pattern']").exists())
                .andExpect(jsonPath("$.fieldErrors['fields[2].id']").value(org.hamcrest.Matchers.containsString("twice")))
                .andExpect(jsonPath("$.fieldErrors['fields[3].visibleWhen']").value(org.hamcrest.Matchers.containsString("zzz")))
                .andExpect(jsonPath("$.correlationId").exists())
                .andExpect(jsonPath("$.trace").doesNotExist());
        mvc.perform(put("/api/v1/forms/{key}", key).with(httpBasic(designer, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(save(0, bad)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors['fields[0].type']").exists());
        mvc.perform(post("/api/v1/forms/validate").with(httpBasic(designer, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(V2))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true));
        mvc.perform(put("/api/v1/forms/{key}", key).with(httpBasic(designer, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"definition\": " + V1 + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors.version").exists());
        assertThat(store.latest(key)).isEmpty();
    }

    @Test
    void staffMayReadButNotWriteAndUnknownFormsAre404() throws Exception {
        mvc.perform(put("/api/v1/forms/{key}", key).with(httpBasic(staff, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(save(0, V1))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/forms/validate").with(httpBasic(staff, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(V1)).andExpect(status().isForbidden());
        assertThat(store.latest(key)).isEmpty();
        mvc.perform(get("/api/v1/forms/{key}", key).with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.message").value("The form or version does not exist."));
        mvc.perform(get("/api/v1/forms/handle-request").param("version", "999").with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/forms")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/forms").with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[*].key", not(hasItem(key))));
    }
}
