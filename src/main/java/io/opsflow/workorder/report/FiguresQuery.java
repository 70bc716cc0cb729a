package io.opsflow.workorder.report;

import io.opsflow.platform.StaffDirectory;
import io.opsflow.workorder.order.WorkOrderStatus;
import io.opsflow.workorder.report.MonthlyFigures.DayRow;
import io.opsflow.workorder.report.MonthlyFigures.StaffRow;
import io.opsflow.workorder.report.MonthlyFigures.TypeRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads one month's figures from {@code app_wo_work_order} (aggregates in SQL, days counted here). */
@Component
class FiguresQuery {

    private final JdbcClient jdbc;
    private final StaffDirectory staffDirectory;

    FiguresQuery(JdbcClient jdbc, StaffDirectory staffDirectory) {
        this.jdbc = jdbc;
        this.staffDirectory = staffDirectory;
    }

    MonthlyFigures figures(YearMonth month, ZoneId zone) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        LocalDateTime fromUtc = LocalDateTime.ofInstant(from, ZoneOffset.UTC);
        LocalDateTime toUtc = LocalDateTime.ofInstant(to, ZoneOffset.UTC);

        Map<String, String> typeLabels = new LinkedHashMap<>();
        Map<String, Map<WorkOrderStatus, Integer>> byType = new TreeMap<>();
        Map<WorkOrderStatus, Integer> statusTotals = new EnumMap<>(WorkOrderStatus.class);
        jdbc.sql("select o.template_code, t.name, o.title, o.status, count(*) as n from app_wo_work_order o "
                        + "left join app_wo_template t on t.code = o.template_code "
                        + "where o.created_at >= ? and o.created_at < ? group by o.template_code, t.name, o.title, o.status")
                .params(fromUtc, toUtc)
                .query((rs, i) -> {
                    String code = rs.getString("template_code");
                    String name = rs.getString("name");
                    String title = rs.getString("title");
                    String key = code != null ? "template:" + code : "title:" + title;
                    String label = code == null ? title : (name == null ? code : name + " (" + code + ")");
                    WorkOrderStatus status = WorkOrderStatus.valueOf(rs.getString("status"));
                    int n = rs.getInt("n");
                    typeLabels.put(key, label);
                    byType.computeIfAbsent(key, k -> new EnumMap<>(WorkOrderStatus.class)).merge(status, n, Integer::sum);
                    statusTotals.merge(status, n, Integer::sum);
                    return null;
                })
                .list();
        List<TypeRow> types = new ArrayList<>();
        byType.forEach((key, counts) ->
                types.add(new TypeRow(typeLabels.get(key), counts, counts.values().stream().mapToInt(Integer::intValue).sum())));
        types.sort(Comparator.comparingInt(TypeRow::total).reversed().thenComparing(TypeRow::type));
        int created = types.stream().mapToInt(TypeRow::total).sum();

        Map<String, Integer> completedBy = new TreeMap<>();
        int[] archived = new int[2];
        jdbc.sql("select assignee, count(*) as n, sum(case when submitted_at is not null and submitted_at <= due_at then 1 else 0 end) as on_time "
                        + "from app_wo_work_order where status = ? and archived_at >= ? and archived_at < ? group by assignee")
                .params(WorkOrderStatus.ARCHIVED.name(), fromUtc, toUtc)
                .query((rs, i) -> {
                    archived[0] += rs.getInt("n");
                    archived[1] += rs.getInt("on_time");
                    if (rs.getString("assignee") != null) {
                        completedBy.put(rs.getString("assignee"), rs.getInt("n"));
                    }
                    return null;
                })
                .list();
        TreeSet<String> people = new TreeSet<>(completedBy.keySet());
        people.addAll(jdbc.sql("select distinct assignee from app_wo_work_order where assignee is not null and created_at >= ? and created_at < ?")
                .params(fromUtc, toUtc).query(String.class).list());
        List<StaffRow> staff = new ArrayList<>();
        for (String person : people) {
            int completed = completedBy.getOrDefault(person, 0);
            double hours = staffDirectory.workingHours(person, from, to);
            staff.add(new StaffRow(person, completed, hours, hours > 0 ? completed / hours : null));
        }
        staff.sort(Comparator.comparing((StaffRow r) -> r.efficiency() == null ? -1 : r.efficiency()).reversed()
                .thenComparing(StaffRow::userId));

        Map<LocalDate, int[]> perDay = new TreeMap<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            perDay.put(d, new int[2]);
        }
        count(perDay, zone, "created_at", fromUtc, toUtc, 0);
        count(perDay, zone, "archived_at", fromUtc, toUtc, 1);
        List<DayRow> days = new ArrayList<>();
        perDay.forEach((d, n) -> days.add(new DayRow(d, n[0], n[1])));

        return new MonthlyFigures(month, zone, from, to, created, archived[0], archived[1], types, statusTotals, staff, days);
    }

    private void count(Map<LocalDate, int[]> perDay, ZoneId zone, String column, LocalDateTime fromUtc, LocalDateTime toUtc, int slot) {
        jdbc.sql("select " + column + " from app_wo_work_order where " + column + " >= ? and " + column + " < ?")
                .params(fromUtc, toUtc)
                .query((rs, i) -> {
                    Timestamp at = rs.getTimestamp(1);
                    LocalDate day = at.toLocalDateTime().atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
                    int[] n = perDay.get(day);
                    if (n != null) {
                        n[slot]++;
                    }
                    return null;
                })
                .list();
    }
}
