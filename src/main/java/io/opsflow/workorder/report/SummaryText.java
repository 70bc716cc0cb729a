package io.opsflow.workorder.report;

import io.opsflow.workorder.order.WorkOrderStatus;
import io.opsflow.workorder.report.MonthlyFigures.StaffRow;
import io.opsflow.workorder.report.MonthlyFigures.TypeRow;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's written summary built from the figures alone: the same figures always give the same
 * text. English, like the rest of Opsflow's messages; type names stay as they are stored (地面维修, ...).
 * It is the default and the fallback whenever the configured LLM endpoint does not answer usefully.
 */
final class SummaryText {

    private SummaryText() {}

    static String write(MonthlyFigures f) {
        StringBuilder text = new StringBuilder();
        String month = f.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + f.month().getYear();
        text.append("In ").append(month).append(" (").append(f.zone().getId()).append("), ")
                .append(orders(f.created())).append(" were created and ").append(f.archived()).append(" archived.");
        if (!f.types().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (TypeRow t : f.types().subList(0, Math.min(5, f.types().size()))) {
                parts.add(t.type() + " " + t.total());
            }
            text.append(" By type: ").append(String.join(", ", parts));
            if (f.types().size() > 5) {
                text.append(" and ").append(f.types().size() - 5).append(" more types");
            }
            text.append('.');
        }
        if (!f.statusTotals().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<WorkOrderStatus, Integer> e : f.statusTotals().entrySet()) {
                parts.add(e.getValue() + " " + statusName(e.getKey()));
            }
            text.append(" Of this month's orders now: ").append(String.join(", ", parts)).append('.');
        }
        if (f.onTimeRate() == null) {
            text.append(" No order was archived, so there is no on-time rate.");
        } else {
            text.append(" On-time rate: ").append(percent(f.onTimeRate())).append(" (").append(f.archivedOnTime()).append(" of ")
                    .append(f.archived()).append(" archived orders were submitted by their due time).");
        }
        StaffRow best = f.staff().stream().filter(s -> s.efficiency() != null && s.completed() > 0).findFirst().orElse(null);
        if (best != null) {
            text.append(" Highest efficiency: ").append(best.userId()).append(" with ").append(String.format(Locale.ROOT, "%.3f", best.efficiency()))
                    .append(" completed per working hour (").append(best.completed()).append(" in ")
                    .append(String.format(Locale.ROOT, "%.0f", best.workingHours())).append(" h).");
        }
        int waiting = f.statusTotals().getOrDefault(WorkOrderStatus.WAITING_DISPATCH, 0);
        if (waiting > 0) {
            text.append(' ').append(orders(waiting)).append(waiting == 1 ? " still waits" : " still wait").append(" for manual dispatch.");
        }
        if (f.onTimeRate() != null && f.onTimeRate() < 0.8) {
            text.append(" Fewer than 80% were on time: check due times and staffing of the slowest types.");
        }
        return text.toString();
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    static String statusName(WorkOrderStatus status) {
        return switch (status) {
            case NEW -> "new";
            case WAITING_DISPATCH -> "waiting for dispatch";
            case ASSIGNED -> "assigned";
            case SUBMITTED -> "submitted";
            case ARCHIVED -> "archived";
        };
    }

    private static String orders(int n) {
        return n + (n == 1 ? " work order" : " work orders");
    }
}
