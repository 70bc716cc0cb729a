package io.opsflow.workorder;

import static io.opsflow.workorder.WorkOrderFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.MessageStatus;
import io.opsflow.messaging.channel.ChannelConfig;
import io.opsflow.messaging.channel.ChannelConfigs;
import io.opsflow.messaging.delivery.LogEntry;
import io.opsflow.messaging.delivery.LogFilter;
import io.opsflow.messaging.delivery.SendLog;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import io.opsflow.workorder.work.ExifGps;
import io.opsflow.workorder.work.PhotoType;
import io.opsflow.workorder.work.TestPhotos;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flowable.engine.ManagementService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Doing the work over /api/v1: start, single ticks, photos, submission, acceptance, rework, and what is refused. */
@OpsflowIntegrationTest
class WorkOrderWorkIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired WebApplicationContext context;
    @Autowired WorkOrderFixtures fixtures;
    @Autowired TaskService taskService;
    @Autowired SendLog sendLog;
    @Autowired ChannelConfigs channelConfigs;
    @Autowired ManagementService managementService;

    MockMvc mvc;
    String supervisor;
    String worker;
    String template;

    @BeforeEach
    void setUp() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        supervisor = fixtures.user("work-supervisor", Groups.SUPERVISOR);
        String skill = skill("泥瓦");
        worker = fixtures.staff("work-mason", skill);
        template = TestUsers.uniqueId("floor");
        mvc.perform(as(supervisor, post("/api/v1/work-order-templates")).content(json(Map.of("code", template, "name", "地面维修",
                        "skills", List.of(skill), "checklist", List.of("勘察现场", "准备材料", "施工", "清理")))))
                .andExpect(status().isCreated());
    }

    @Test
    void theAssigneeStartsTicksUploadsAndSubmitsThenTheSupervisorAcceptsAndTheOrderIsFrozen() throws Exception {
        String id = create();
        String work = "/api/v1/work-orders/" + id;

        mvc.perform(as(worker, put(work + "/checklist/1")).content("{\"done\":true}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.message", containsString("Start")));
        mvc.perform(as(worker, post(work + "/start"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.startedBy").value(worker)).andExpect(jsonPath("$.status").value("ASSIGNED"));
        mvc.perform(as(supervisor, put(work + "/checklist/1")).content("{\"done\":true}")).andExpect(status().isForbidden());
        mvc.perform(as(worker, put(work + "/checklist/9")).content("{\"done\":true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("no checklist step 9")));
        for (int step = 1; step <= 3; step++) {
            mvc.perform(as(worker, put(work + "/checklist/" + step)).content("{\"done\":true}")).andExpect(status().isOk());
        }
        mvc.perform(as(worker, put(work + "/checklist/2")).content("{\"done\":false}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.checklist[1].done").value(false)).andExpect(jsonPath("$.checklist[1].doneBy").doesNotExist())
                .andExpect(jsonPath("$.checklist[0].doneBy").value(worker)).andExpect(jsonPath("$.checklist[0].doneAt").exists());

        mvc.perform(as(worker, post(work + "/submission")).content("{\"notes\":\"done\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("2. 准备材料")))
                .andExpect(jsonPath("$.message", containsString("4. 清理")))
                .andExpect(jsonPath("$.message", not(containsString("1. 勘察现场"))));
        tick(id, 2, true);
        tick(id, 4, true);
        mvc.perform(as(worker, post(work + "/submission")).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("at least one photo")));

        byte[] photo = TestPhotos.jpegWithGps(31.2304, 121.4737, 6, false);
        String photoId = JSON.readTree(mvc.perform(upload(worker, id, new MockMultipartFile("photos", "site.jpg", "image/jpeg", photo)))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$[0].contentType").value("image/jpeg"))
                        .andExpect(jsonPath("$[0].latitude").doesNotExist())
                        .andReturn().getResponse().getContentAsString()).get(0).get("id").asText();
        byte[] stored = mvc.perform(as(supervisor, get(work + "/photos/" + photoId)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(ExifGps.read(stored, PhotoType.JPEG)).as("GPS removed before storing").isEmpty();
        assertThat(stored).hasSameSizeAs(photo);
        String stranger = fixtures.staff("work-stranger", skill("木工"));
        mvc.perform(as(stranger, get(work + "/photos/" + photoId))).andExpect(status().isNotFound());
        mvc.perform(as(stranger, get(work + "/photos"))).andExpect(status().isNotFound());

        // The test's own default channels (in-app and e-mail), so what the supervisor is sent does not depend on
        // what other tests left configured: without an e-mail channel the group is not resolved to people for e-mail.
        // No async executor in tests, so the e-mail stays queued.
        ChannelConfig inbox = channelConfigs.save(new ChannelConfig(null, TestUsers.uniqueId("0-work-inbox"), ChannelType.IN_APP, true, true,
                Map.of(), null, false), null);
        ChannelConfig mail = channelConfigs.save(new ChannelConfig(null, TestUsers.uniqueId("0-work-mail"), ChannelType.EMAIL, true, true,
                Map.of("host", "127.0.0.1", "port", "25", "security", "NONE", "from", "opsflow@example.com"), null, false), null);
        try {
            mvc.perform(as(worker, post(work + "/submission")).content("{\"notes\":\"边缘已找平\"}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED")).andExpect(jsonPath("$.notes").value("边缘已找平"));
        } finally {
            for (ChannelConfig c : List.of(inbox, mail)) {
                channelConfigs.save(new ChannelConfig(c.id(), c.name(), c.type(), false, false, c.settings(), null, false), null);
            }
        }
        assertThat(logged(processOf(id), "work-order-assigned")).extracting(LogEntry::channelType).contains(ChannelType.IN_APP, ChannelType.EMAIL);
        List<LogEntry> submitted = logged(processOf(id), "work-order-submitted");
        LogEntry toSupervisor = submitted.stream().filter(e -> supervisor.equals(e.recipient()) && e.channelType() == ChannelType.IN_APP)
                .findFirst().orElseThrow(() -> new AssertionError("no in-app message to " + supervisor + " in " + submitted));
        assertThat(toSupervisor.body()).contains("/work-orders/" + id);
        assertThat(submitted).filteredOn(e -> supervisor.equals(e.recipient()) && e.channelType() == ChannelType.EMAIL)
                .singleElement().satisfies(e -> {
                    assertThat(e.status()).isEqualTo(MessageStatus.QUEUED);
                    assertThat(e.address()).isEqualTo(supervisor + "@example.com");
                });
        tickRefused(id, 1, "submitted");
        mvc.perform(upload(worker, id, new MockMultipartFile("photos", "late.png", "image/png", TestPhotos.png(8, 8))))
                .andExpect(status().isConflict());

        mvc.perform(as(supervisor, post(work + "/acceptance")).content(json(Map.of("outcome", "accepted"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ARCHIVED"))
                .andExpect(jsonPath("$.checklist[3].doneBy").value(worker));
        tickRefused(id, 1, "archived");
        mvc.perform(as(worker, post(work + "/start"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message", containsString("archived")));
        mvc.perform(as(supervisor, get(work + "/photos"))).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void aRejectionNeedsACommentAndSendsItBackToTheSameAssigneeWithTicksResetAndNewPhotosRequired() throws Exception {
        String id = create();
        String work = "/api/v1/work-orders/" + id;
        doEverything(id);
        mvc.perform(as(worker, post(work + "/submission")).content("{}")).andExpect(status().isOk());

        mvc.perform(as(supervisor, post(work + "/acceptance")).content(json(Map.of("outcome", "rejected", "comment", " "))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("comment")));
        mvc.perform(as(supervisor, post(work + "/acceptance")).content(json(Map.of("outcome", "rejected", "comment", "边缘不平"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ASSIGNED"))
                .andExpect(jsonPath("$.assignee").value(worker))
                .andExpect(jsonPath("$.reworkCount").value(1))
                .andExpect(jsonPath("$.checklist[0].done").value(false));

        mvc.perform(as(worker, get(work + "/work"))).andExpect(jsonPath("$.startedBy").value(worker))
                .andExpect(jsonPath("$.photos", hasSize(1))).andExpect(jsonPath("$.photos[0].round").value(0));
        for (int step = 1; step <= 4; step++) {
            tick(id, step, true);
        }
        mvc.perform(as(worker, post(work + "/submission")).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("photo")));
        mvc.perform(upload(worker, id, new MockMultipartFile("photos", "again.png", "image/png", TestPhotos.png(10, 10))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$[0].round").value(1));
        mvc.perform(as(worker, post(work + "/submission")).content("{}")).andExpect(status().isOk());
        mvc.perform(as(supervisor, post(work + "/acceptance")).content(json(Map.of("outcome", "accepted"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reworkCount").value(1));
    }

    @Test
    void aPhotoThatIsNotAnImageOrTooLargeIsA400AndNothingIsStored() throws Exception {
        String id = create();
        mvc.perform(as(worker, post("/api/v1/work-orders/" + id + "/start"))).andExpect(status().isOk());

        mvc.perform(upload(worker, id, new MockMultipartFile("photos", "photo.jpg", "image/jpeg",
                        "<html><script>alert(1)</script></html>".getBytes())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("photo.jpg is not a photo of an allowed type")));
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestPhotos.jpeg(8, 8), 0, huge, 0, 100);
        // One good photo next to a too-large one: the whole upload is refused.
        mvc.perform(upload(worker, id, new MockMultipartFile("photos", "ok.png", "image/png", TestPhotos.png(8, 8)),
                        new MockMultipartFile("photos", "huge.jpg", "image/jpeg", huge)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString("huge.jpg is larger than 10 MB")));
        mvc.perform(upload(worker, id)).andExpect(status().isBadRequest());

        mvc.perform(as(worker, get("/api/v1/work-orders/" + id + "/photos"))).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void theTaskListLinksToTheOrderPageAndItsGenericFormCannotCompleteTheWork() throws Exception {
        String id = create();
        String task = taskService.createTaskQuery().processInstanceId(processOf(id)).singleResult().getId();

        String page = mvc.perform(get("/tasks/" + task).with(user(worker).authorities(() -> "GROUP_staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/work-orders/" + id + "\"").doesNotContain("id=\"task-form\"");

        mvc.perform(as(worker, post("/api/v1/tasks/" + task + "/form")).content("{}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.message", containsString("/work-orders/" + id)));
        mvc.perform(post("/tasks/" + task + "/complete").with(user(worker).authorities(() -> "GROUP_staff")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("still open").isEqualTo(1);

        String order = mvc.perform(get("/work-orders/" + id).with(user(worker).authorities(() -> "GROUP_staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(order).contains("id=\"start-work\"");
        mvc.perform(post("/work-orders/" + id + "/start").with(user(worker).authorities(() -> "GROUP_staff")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/work-orders/" + id + "/photos")
                        .file(new MockMultipartFile("photos", "note.txt", "text/plain", "not a photo".getBytes()))
                        .with(user(worker).authorities(() -> "GROUP_staff")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("note.txt is not a photo"));
    }

    private void doEverything(String id) throws Exception {
        mvc.perform(as(worker, post("/api/v1/work-orders/" + id + "/start"))).andExpect(status().isOk());
        for (int step = 1; step <= 4; step++) {
            tick(id, step, true);
        }
        mvc.perform(upload(worker, id, new MockMultipartFile("photos", "a.jpg", "image/jpeg", TestPhotos.jpeg(16, 16))))
                .andExpect(status().isCreated());
    }

    private void tick(String id, int step, boolean done) throws Exception {
        mvc.perform(as(worker, put("/api/v1/work-orders/" + id + "/checklist/" + step)).content("{\"done\":" + done + "}"))
                .andExpect(status().isOk());
    }

    private void tickRefused(String id, int step, String why) throws Exception {
        mvc.perform(as(worker, put("/api/v1/work-orders/" + id + "/checklist/" + step)).content("{\"done\":false}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.message", containsString(why)));
    }

    private String create() throws Exception {
        String body = mvc.perform(as(supervisor, post("/api/v1/work-orders")).content(json(Map.of("templateCode", template,
                        "location", "G区 大堂", "dueAt", Instant.now().plus(Duration.ofHours(3)).toString()))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.assignee").value(worker))
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("id").asText();
    }

    private String processOf(String id) throws Exception {
        JsonNode order = JSON.readTree(mvc.perform(as(supervisor, get("/api/v1/work-orders/{id}", id))).andReturn().getResponse().getContentAsString());
        return order.get("processInstanceId").asText();
    }

    private List<LogEntry> logged(String processInstanceId, String template) {
        return sendLog.search(new LogFilter(null, null, null, processInstanceId, template, null), 0, 200).items();
    }

    private MockHttpServletRequestBuilder upload(String who, String id, MockMultipartFile... files) {
        var request = multipart("/api/v1/work-orders/" + id + "/photos");
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return request.with(httpBasic(who, TestUsers.PASSWORD));
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(user, TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON);
    }

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }
}
