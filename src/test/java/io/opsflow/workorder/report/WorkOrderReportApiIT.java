package io.opsflow.workorder.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.printing.PdfInspection;
import io.opsflow.support.OpsflowIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@OpsflowIntegrationTest
class WorkOrderReportApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired WebApplicationContext context;
    @Autowired IdentityService identityService;
    @Autowired ReportOrders orders;

    MockMvc mvc;
    String supervisor;
    String staff;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        supervisor = TestUsers.create(identityService, "report-supervisor", Groups.SUPERVISOR);
        staff = TestUsers.create(identityService, "report-staff", Groups.STAFF);
    }

    @Test
    void aSupervisorGeneratesListsAndDownloadsVersionsOfAMonth() throws Exception {
        Instant may10 = Instant.parse("2024-05-10T08:00:00Z");
        String worker = TestUsers.uniqueId("report-api-worker");
        orders.insert("drain-unblocking", "管道疏通", "ARCHIVED", worker, may10, may10.plus(Duration.ofHours(4)),
                may10.plus(Duration.ofHours(1)), may10.plus(Duration.ofHours(2)));

        JsonNode first = JSON.readTree(mvc.perform(as(supervisor, post("/api/v1/work-order-reports")).content("{\"month\":\"2024-05\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.month").value("2024-05"))
                .andExpect(jsonPath("$.trigger").value("MANUAL"))
                .andExpect(jsonPath("$.generatedBy").value(supervisor))
                .andReturn().getResponse().getContentAsString());
        JsonNode second = JSON.readTree(mvc.perform(as(supervisor, post("/api/v1/work-order-reports")).content("{\"month\":\"2024-05\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        assertThat(second.path("version").asInt()).isEqualTo(first.path("version").asInt() + 1);

        mvc.perform(as(supervisor, get("/api/v1/work-order-reports?month=2024-05")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].id").value(second.path("id").asText()));

        byte[] pdf = mvc.perform(as(supervisor, get(first.path("pdf").asText())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("work-order-report-2024-05-v")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(pdf.length).isEqualTo(first.path("sizeBytes").asInt());
        assertThat(PdfInspection.text(pdf)).contains("May 2024").contains(worker).contains("100.0%");
    }

    @Test
    void staffMayNotSeeOrMakeReports() throws Exception {
        mvc.perform(as(staff, post("/api/v1/work-order-reports")).content("{\"month\":\"2024-04\"}")).andExpect(status().isForbidden());
        mvc.perform(as(staff, get("/api/v1/work-order-reports"))).andExpect(status().isForbidden());
        String id = JSON.readTree(mvc.perform(as(supervisor, post("/api/v1/work-order-reports")).content("{\"month\":\"2024-04\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("id").asText();
        mvc.perform(as(staff, get("/api/v1/work-order-reports/" + id + "/pdf"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/work-order-reports")).andExpect(status().isUnauthorized());
    }

    @Test
    void badMonthsAreRefusedWithA400AndUnknownReportsAre404() throws Exception {
        for (String body : new String[] {"{\"month\":\"2030-13\"}", "{\"month\":\"May 2024\"}", "{}", "{\"month\":\"1999-12\"}",
                "{\"month\":\"2999-01\"}"}) {
            mvc.perform(as(supervisor, post("/api/v1/work-order-reports")).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").value(not(containsString("Exception"))))
                    .andExpect(jsonPath("$.message").value(containsString("month")));
        }
        mvc.perform(as(supervisor, get("/api/v1/work-order-reports?month=nope"))).andExpect(status().isBadRequest());
        mvc.perform(as(supervisor, get("/api/v1/work-order-reports/no-such-report/pdf"))).andExpect(status().isNotFound());
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(user, TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON);
    }
}
