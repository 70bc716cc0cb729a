package io.opsflow.workorder.api;

import io.opsflow.platform.CurrentUser;
import io.opsflow.workorder.order.WorkOrderAccess;
import io.opsflow.workorder.report.MonthlyReports;
import io.opsflow.workorder.report.StoredReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/work-order-reports")
@Tag(name = "Work-order reports", description = "Monthly PDF reports: counts by type and status, on-time rate, staff efficiency, charts, summary (supervisors and admins)")
class WorkOrderReportApiController {

    private final MonthlyReports reports;
    private final Clock clock;

    WorkOrderReportApiController(MonthlyReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** {@code month}: {@code YYYY-MM}, not in the future (in the report zone). */
    record GenerateReport(String month) {}

    record ReportView(String id, String month, int version, String trigger, String summarySource, String zone, Instant generatedAt,
            String generatedBy, String sha256, long sizeBytes, String pdf) {

        static ReportView of(StoredReport r) {
            return new ReportView(r.id(), r.month(), r.version(), r.trigger().name(), r.summarySource(), r.zone(), r.generatedAt(),
                    r.generatedBy(), r.sha256(), r.sizeBytes(), "/api/v1/work-order-reports/" + r.id() + "/pdf");
        }
    }

    @PostMapping
    @Operation(summary = "Generate the report of a month now (a new version; earlier versions stay)",
            description = "Body {\"month\":\"2026-11\"}. The current month gives a month-to-date report; a future or malformed month is a 400.")
    ResponseEntity<ReportView> generate(@RequestBody(required = false) GenerateReport body) {
        CurrentUser user = CurrentUser.required();
        WorkOrderAccess.requireSupervisor(user);
        Instant now = clock.instant();
        var month = reports.month(body == null ? null : body.month(), now);
        return ResponseEntity.status(HttpStatus.CREATED).body(ReportView.of(reports.generate(month, user.id(), now)));
    }

    @GetMapping
    @Operation(summary = "Archived reports, newest first (optionally of one month)")
    List<ReportView> list(@RequestParam(required = false) String month) {
        WorkOrderAccess.requireSupervisor(CurrentUser.required());
        String only = month == null ? null : reports.month(month, clock.instant()).toString();
        return reports.list(only, 200).stream().map(ReportView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One archived report's details")
    ReportView one(@PathVariable String id) {
        WorkOrderAccess.requireSupervisor(CurrentUser.required());
        return ReportView.of(reports.find(id));
    }

    @GetMapping("/{id}/pdf")
    @Operation(summary = "Download the archived PDF (as an attachment)")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        WorkOrderAccess.requireSupervisor(CurrentUser.required());
        return download(reports.find(id), reports.pdf(id));
    }

    static ResponseEntity<byte[]> download(StoredReport report, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(report.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("ETag", "\"" + report.sha256() + "\"")
                .body(pdf);
    }
}
