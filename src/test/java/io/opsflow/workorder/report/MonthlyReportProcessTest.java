package io.opsflow.workorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.printing.PdfInspection;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RepositoryService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seed's check "每月1日检查服务器是否生成report.pdf文件 → 包含图表和文字分析的PDF文件": the engine clock
 * moves to the 1st, the report timer runs, and the previous month's PDF is archived with its figures,
 * the written summary (read back with PDFBox) and the charts (vector paths). Running the timer job
 * again does not archive a second report of the month.
 */
@OpsflowIntegrationTest
class MonthlyReportProcessTest {

    // A month only this test writes orders into (every pass starts with a fresh database).
    private static final YearMonth MONTH = YearMonth.of(2031, 2);

    @Autowired ReportOrders orders;
    @Autowired MonthlyReports reports;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired ProcessEngineConfiguration engine;

    @AfterEach
    void resetClock() {
        engine.getClock().reset();
    }

    @Test
    void onTheFirstOfTheMonthTheTimerArchivesThePreviousMonthsPdfWithChartsAndSummaryOnce() throws Exception {
        String lily = TestUsers.uniqueId("report-lily");
        String wang = TestUsers.uniqueId("report-wang");
        orders.workingWeek(lily);
        orders.workingWeek(wang);
        Instant feb3 = Instant.parse("2031-02-03T09:00:00Z");
        // 地面维修: two archived on time, one archived late; 管道疏通: one still assigned; one without template.
        orders.insert("floor-repair", "地面维修 A区", "ARCHIVED", lily, feb3, feb3.plus(Duration.ofHours(8)),
                feb3.plus(Duration.ofHours(2)), feb3.plus(Duration.ofHours(3)));
        orders.insert("floor-repair", "地面维修 B区", "ARCHIVED", lily, feb3.plus(Duration.ofDays(1)), feb3.plus(Duration.ofDays(2)),
                feb3.plus(Duration.ofDays(1).plusHours(5)), feb3.plus(Duration.ofDays(1).plusHours(6)));
        orders.insert("floor-repair", "地面维修 C区", "ARCHIVED", wang, feb3.plus(Duration.ofDays(2)), feb3.plus(Duration.ofDays(2).plusHours(1)),
                feb3.plus(Duration.ofDays(3)), feb3.plus(Duration.ofDays(3).plusHours(1)));
        orders.insert("drain-unblocking", "管道疏通 3号楼", "ASSIGNED", wang, feb3.plus(Duration.ofDays(10)), feb3.plus(Duration.ofDays(11)),
                null, null);
        orders.insert(null, "Broken gate", "WAITING_DISPATCH", null, feb3.plus(Duration.ofDays(12)), feb3.plus(Duration.ofDays(13)), null, null);

        engine.getClock().setCurrentTime(Date.from(Instant.parse("2031-03-01T00:06:00Z")));
        runReportTimer();

        List<StoredReport> archived = reports.list(MONTH.toString(), 10);
        assertThat(archived).hasSize(1);
        StoredReport report = archived.get(0);
        assertThat(report.trigger()).isEqualTo(ReportTrigger.SCHEDULED);
        assertThat(report.summarySource()).isEqualTo("TEMPLATE");
        byte[] pdf = reports.pdf(report.id());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(report.sizeBytes()).isEqualTo(pdf.length);
        assertThat(report.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(pdf)));

        String summary = SummaryText.write(reports.figures(MONTH));
        assertThat(summary).contains("In February 2031 (UTC), 5 work orders were created and 3 archived.")
                .contains("By type: 地面维修 (floor-repair) 3, Broken gate 1, 管道疏通 (drain-unblocking) 1.")
                .contains("On-time rate: 66.7% (2 of 3 archived orders were submitted by their due time).")
                .contains("Highest efficiency: " + lily + " with 0.013 completed per working hour (2 in 160 h).")
                .contains("1 work order still waits for manual dispatch.");
        String text = PdfInspection.text(pdf);
        assertThat(squeeze(text)).contains(squeeze(summary))
                .contains(squeeze("Work-order monthly report February 2031"))
                .contains(squeeze("地面维修 (floor-repair) 0 0 0 0 3 3"))
                .contains(squeeze(lily + " 2 160.0 0.013"))
                .contains(squeeze(wang + " 1 160.0 0.006"))
                .contains("66.7%");
        assertThat(PdfInspection.paintedPaths(pdf)).as("vector drawing of the two charts").isGreaterThan(100);

        // The job runs again (a retry, or the next hourly check): still one archived report of the month.
        engine.getClock().setCurrentTime(Date.from(Instant.parse("2031-03-01T01:06:00Z")));
        runReportTimer();
        assertThat(reports.list(MONTH.toString(), 10)).extracting(StoredReport::id).containsExactly(report.id());
    }

    private void runReportTimer() {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("work-order-report").latestVersion()
                .singleResult().getId();
        List<Job> due = managementService.createTimerJobQuery().processDefinitionId(definitionId).executable().list();
        assertThat(due).as("the report timer is due").hasSize(1);
        Job job = managementService.moveTimerToExecutableJob(due.get(0).getId());
        managementService.executeJob(job.getId());
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
