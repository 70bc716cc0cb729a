package io.opsflow.workorder.web;

import io.opsflow.platform.CurrentUser;
import io.opsflow.printing.PrintException;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import io.opsflow.workorder.order.WorkOrderAccess;
import io.opsflow.workorder.report.MonthlyReports;
import io.opsflow.workorder.report.StoredReport;
import io.opsflow.workorder.report.UnknownReport;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /work-orders/reports} for supervisors and admins: the archived monthly reports with download
 * links, and a form that generates a month's report now.
 */
@Controller
class ReportPages {

    private static final DisplayTimes TIMES = new DisplayTimes();

    private final MonthlyReports reports;
    private final Clock clock;

    ReportPages(MonthlyReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/work-orders/reports")
    String list(Model model) {
        WorkOrderAccess.requireSupervisor(CurrentUser.required());
        Instant now = clock.instant();
        model.addAttribute("reports", reports.list(null, 200));
        model.addAttribute("defaultMonth", reports.previousMonth(now).toString());
        model.addAttribute("times", TIMES);
        return "workorder/reports";
    }

    @PostMapping("/work-orders/reports")
    String generate(@RequestParam(defaultValue = "") String month, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.required();
        WorkOrderAccess.requireSupervisor(user);
        try {
            Instant now = clock.instant();
            StoredReport report = reports.generate(reports.month(month, now), user.id(), now);
            redirect.addFlashAttribute("message", "Generated the report of " + report.month() + " (version " + report.version() + ").");
        } catch (InvalidWorkOrderInput e) {
            redirect.addFlashAttribute("warning", e.getMessage());
        } catch (PrintException e) {
            redirect.addFlashAttribute("warning", "The report could not be printed now: " + e.getMessage());
        }
        return "redirect:/work-orders/reports";
    }

    @GetMapping("/work-orders/reports/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        WorkOrderAccess.requireSupervisor(CurrentUser.required());
        try {
            StoredReport report = reports.find(id);
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(report.fileName()).build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .body(reports.pdf(id));
        } catch (UnknownReport e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
