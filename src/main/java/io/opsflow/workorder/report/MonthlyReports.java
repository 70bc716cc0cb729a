package io.opsflow.workorder.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.printing.PdfPrinter;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import io.opsflow.workorder.order.WorkOrderStatus;
import io.opsflow.workorder.report.MonthlyFigures.StaffRow;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Monthly work-order reports: figures of a calendar month in the configured zone, two charts, a
 * written summary (from the figures, or by the configured LLM with the figures' text as fallback),
 * printed from {@code print-templates/work-order-monthly-report.html} and archived in {@code app_wo_report}.
 *
 * <p>Every generation on demand adds a version of its month; earlier versions stay. The monthly timer
 * makes at most one report per month (idempotency key {@code scheduled:<month>}), so a retried or
 * repeated timer job finds the report it made instead of adding one.
 */
@Component
public class MonthlyReports {

    static final String TEMPLATE = "work-order-monthly-report";

    private final FiguresQuery figures;
    private final ReportStore store;
    private final PdfPrinter printer;
    private final ReportSettings settings;
    private final LlmSummary llm;

    MonthlyReports(FiguresQuery figures, ReportStore store, PdfPrinter printer, ReportSettings settings, ObjectMapper json) {
        this.figures = figures;
        this.store = store;
        this.printer = printer;
        this.settings = settings;
        this.llm = new LlmSummary(settings.llm(), json);
    }

    /** Parses {@code YYYY-MM}; a bad, too old or future month (in the report zone, at {@code now}) is a 400. */
    public YearMonth month(String text, Instant now) {
        YearMonth month;
        try {
            month = YearMonth.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidWorkOrderInput("month must be YYYY-MM, e.g. 2026-11");
        }
        if (month.getYear() < 2000) {
            throw new InvalidWorkOrderInput("month must be 2000-01 or later");
        }
        if (month.isAfter(YearMonth.from(now.atZone(settings.zoneId())))) {
            throw new InvalidWorkOrderInput("month " + month + " has not started yet");
        }
        return month;
    }

    /** The month before {@code now} in the report zone: what the timer reports on the 1st. */
    public YearMonth previousMonth(Instant now) {
        return YearMonth.from(now.atZone(settings.zoneId())).minusMonths(1);
    }

    /** A new version of the month's report, generated now. */
    public StoredReport generate(YearMonth month, String user, Instant now) {
        Rendered rendered = render(month, now);
        for (int attempt = 0; ; attempt++) {
            int version = store.nextVersion(month.toString());
            try {
                return store.insert(month.toString(), version, "manual:" + month + ":" + version, ReportTrigger.MANUAL, rendered.source(),
                        settings.zone(), now, user, rendered.sha256(), rendered.pdf());
            } catch (DuplicateKeyException raced) {
                if (attempt >= 2) {
                    throw raced;
                }
            }
        }
    }

    /** The timer's report of the month: made once, later calls return the one already archived. */
    public StoredReport generateScheduled(YearMonth month, Instant now) {
        String key = "scheduled:" + month;
        Optional<StoredReport> done = store.byKey(key);
        if (done.isPresent()) {
            return done.get();
        }
        Rendered rendered = render(month, now);
        for (int attempt = 0; ; attempt++) {
            try {
                return store.insert(month.toString(), store.nextVersion(month.toString()), key, ReportTrigger.SCHEDULED, rendered.source(),
                        settings.zone(), now, null, rendered.sha256(), rendered.pdf());
            } catch (DuplicateKeyException raced) {
                Optional<StoredReport> other = store.byKey(key);
                if (other.isPresent()) {
                    return other.get();
                }
                if (attempt >= 2) {
                    throw raced;
                }
            }
        }
    }

    public List<StoredReport> list(String month, int limit) {
        return store.list(month, limit);
    }

    public StoredReport find(String id) {
        return store.find(id).orElseThrow(() -> new UnknownReport(id));
    }

    public byte[] pdf(String id) {
        return store.pdf(id).orElseThrow(() -> new UnknownReport(id));
    }

    MonthlyFigures figures(YearMonth month) {
        return figures.figures(month, settings.zoneId());
    }

    private Rendered render(YearMonth month, Instant now) {
        MonthlyFigures f = figures(month);
        String factual = SummaryText.write(f);
        Optional<String> written = llm.write(f, factual);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("f", f);
        model.put("monthName", month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear());
        model.put("generatedAt", now.atZone(settings.zoneId()));
        model.put("summary", written.orElse(factual));
        model.put("summarySource", written.isPresent() ? "LLM" : "TEMPLATE");
        model.put("onTime", f.onTimeRate() == null ? "–" : SummaryText.percent(f.onTimeRate()));
        model.put("statusChart", ReportCharts.statusByType(f));
        model.put("trendChart", ReportCharts.trend(f));
        model.put("statuses", java.util.Arrays.stream(WorkOrderStatus.values()).map(SummaryText::statusName).toList());
        model.put("typeRows", f.types().stream().map(t -> new TypeLine(t.type(),
                java.util.Arrays.stream(WorkOrderStatus.values()).map(st -> t.byStatus().getOrDefault(st, 0)).toList(), t.total())).toList());
        model.put("statusTotals", java.util.Arrays.stream(WorkOrderStatus.values()).map(st -> f.statusTotals().getOrDefault(st, 0)).toList());
        model.put("staffRows", f.staff().stream().map(ReportRow::of).toList());
        byte[] pdf = printer.render(TEMPLATE, model, Locale.ENGLISH);
        return new Rendered(pdf, sha256(pdf), written.isPresent() ? "LLM" : "TEMPLATE");
    }

    /** A staff line as the template prints it. */
    public record ReportRow(String userId, int completed, String hours, String efficiency) {
        static ReportRow of(StaffRow r) {
            return new ReportRow(r.userId(), r.completed(), String.format(Locale.ROOT, "%.1f", r.workingHours()),
                    r.efficiency() == null ? "–" : String.format(Locale.ROOT, "%.3f", r.efficiency()));
        }
    }

    /** A type line: counts in {@link WorkOrderStatus} order. */
    public record TypeLine(String type, List<Integer> counts, int total) {}

    private record Rendered(byte[] pdf, String sha256, String source) {}

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
