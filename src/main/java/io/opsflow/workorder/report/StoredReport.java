package io.opsflow.workorder.report;

import java.time.Instant;

/** An archived report without its PDF bytes. */
public record StoredReport(
        String id,
        String month,
        int version,
        ReportTrigger trigger,
        String summarySource,
        String zone,
        Instant generatedAt,
        String generatedBy,
        String sha256,
        long sizeBytes) {

    public String fileName() {
        return "work-order-report-" + month + "-v" + version + ".pdf";
    }
}
