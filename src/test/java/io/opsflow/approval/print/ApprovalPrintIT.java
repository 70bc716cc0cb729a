package io.opsflow.approval.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.opsflow.approval.ApprovalFixtures;
import io.opsflow.approval.definition.ApprovalDefinitions;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.FormFieldSpec;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.approval.run.ApprovalRuntime;
import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** {@code GET /api/v1/approvals/{id}/print}: the PDF of an approval that went through two approvers, and its access rule. */
@OpsflowIntegrationTest
class ApprovalPrintIT {

    @Autowired WebApplicationContext context;
    @Autowired ApprovalFixtures fx;
    @Autowired ApprovalDefinitions definitions;
    @Autowired ApprovalRuntime runtime;
    @Autowired TaskService taskService;

    MockMvc mvc;
    String designer;
    String starter;
    String lead;
    String finance;
    String stranger;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        designer = fx.user("prt-designer", "designer");
        starter = fx.user("prt-starter", "staff");
        lead = fx.user("prt-lead", "staff");
        finance = fx.user("prt-fin", "staff");
        stranger = fx.user("prt-x", "staff");
    }

    private String publishAndRunThroughBothApprovers() {
        ApproverNode leadNode = ApproverNode.of("lead", "部门经理", ApproverNode.Assignee.users(lead), ApproverNode.Method.SEQUENTIAL);
        ApproverNode financeNode = new ApproverNode("finance", "财务审核", ApproverNode.Assignee.users(finance), ApproverNode.Method.SEQUENTIAL,
                null, null, null, false, null, false, Map.of("budgetCode", ApproverNode.Permission.HIDDEN));
        SimpleModel model = ApprovalFixtures.model(List.of(FormFieldSpec.of("title", "标题", "text"), FormFieldSpec.of("amount", "金额", "number"),
                FormFieldSpec.of("budgetCode", "预算科目", "text")), leadNode, financeNode);
        definitions.create(model, designer);
        String key = definitions.publish(model.code(), null, designer).processDefinitionKey();

        Map<String, Object> form = new LinkedHashMap<>();
        form.put("title", "采购笔记本电脑");
        form.put("amount", 8999);
        form.put("budgetCode", "KJ-4711");
        String pid = runtime.start(key, form, new CurrentUser(starter, List.of("staff")));
        runtime.approve(task(pid, lead), "同意，预算内", new CurrentUser(lead, List.of("staff")));
        runtime.approve(task(pid, finance), "财务已核对 ok", new CurrentUser(finance, List.of("staff")));
        return pid;
    }

    private String task(String pid, String user) {
        return taskService.createTaskQuery().processInstanceId(pid).taskAssignee(user).singleResult().getId();
    }

    private String pdfText(String pid, String user) throws Exception {
        byte[] pdf = mvc.perform(get("/api/v1/approvals/" + pid + "/print").with(httpBasic(user, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void thePdfHasTheFormTheSignaturesAndTheTimelineInChinese() throws Exception {
        String pid = publishAndRunThroughBothApprovers();

        String text = pdfText(pid, starter);
        assertThat(text).contains("采购笔记本电脑", "金额", "8999", "预算科目", "KJ-4711");
        assertThat(text).contains("部门经理", "财务审核", "Test prt-lead", "Test prt-fin");
        assertThat(text).contains("同意，预算内", "财务已核对 ok", "approved");
        assertThat(text).contains("Timeline", "started");
    }

    @Test
    void aFieldSomeNodeHidesIsLeftOutForApproversAndOutsidersGet404() throws Exception {
        String pid = publishAndRunThroughBothApprovers();

        String forFinance = pdfText(pid, finance);
        assertThat(forFinance).contains("采购笔记本电脑", "8999", "同意，预算内").doesNotContain("KJ-4711").doesNotContain("预算科目");

        mvc.perform(get("/api/v1/approvals/" + pid + "/print").with(httpBasic(stranger, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/approvals/no-such-id/print").with(httpBasic(starter, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
