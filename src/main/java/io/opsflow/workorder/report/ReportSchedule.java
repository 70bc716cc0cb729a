package io.opsflow.workorder.report;

import java.time.Instant;
import java.time.YearMonth;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The step of {@code work-order-report.bpmn20.xml}, {@code ${workOrderReportSchedule.reportPreviousMonth(execution)}}:
 * reports the month before the engine clock's now (in the report zone) unless the timer already did.
 */
@Component("workOrderReportSchedule")
class ReportSchedule {

    private final MonthlyReports reports;
    private final ProcessEngineConfiguration engine;

    ReportSchedule(MonthlyReports reports, ProcessEngineConfiguration engine) {
        this.reports = reports;
        this.engine = engine;
    }

    public void reportPreviousMonth(DelegateExecution execution) {
        Instant now = engine.getClock().getCurrentTime().toInstant();
        YearMonth month = reports.previousMonth(now);
        StoredReport report = reports.generateScheduled(month, now);
        execution.setVariable("reportMonth", month.toString());
        execution.setVariable("reportId", report.id());
    }
}
