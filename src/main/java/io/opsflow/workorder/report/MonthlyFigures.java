package io.opsflow.workorder.report;

import io.opsflow.workorder.order.WorkOrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The numbers of one month: orders created in the month by type and current status, orders archived
 * in the month with the on-time share, completions per staff member per working hour, and a day-by-day
 * trend. Types are template names (with code) or, for orders without a template, their title.
 */
public record MonthlyFigures(
        YearMonth month,
        ZoneId zone,
        Instant from,
        Instant to,
        int created,
        int archived,
        int archivedOnTime,
        List<TypeRow> types,
        Map<WorkOrderStatus, Integer> statusTotals,
        List<StaffRow> staff,
        List<DayRow> days) {

    /** Share of the month's archived orders submitted by their due time; null without archived orders. */
    public Double onTimeRate() {
        return archived == 0 ? null : (double) archivedOnTime / archived;
    }

    public record TypeRow(String type, Map<WorkOrderStatus, Integer> byStatus, int total) {}

    /** {@code efficiency} = completed / working hours; null when the person had no working hours. */
    public record StaffRow(String userId, int completed, double workingHours, Double efficiency) {}

    public record DayRow(LocalDate day, int created, int archived) {}
}
