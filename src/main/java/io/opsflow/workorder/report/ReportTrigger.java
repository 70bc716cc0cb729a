package io.opsflow.workorder.report;

/** What made a report: the monthly timer or somebody on demand. */
public enum ReportTrigger {
    SCHEDULED,
    MANUAL
}
