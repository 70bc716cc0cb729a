package io.opsflow.platform.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether staff work at an instant by their weekly hours in their own time zone, in SQL. The wall-clock
 * day, time and hour slot of the instant are computed here in Java once per time zone in use
 * ({@link LocalMoment}) and bound as a small {@code values} table. Most people are then told from
 * their own directory row: the hour's character of {@code app_staff.shift_map}
 * ({@link WeeklyHours#hourMap()}); only a partly worked hour, or a row without a map, costs an index
 * probe into the periods. No schedule is loaded into memory.
 */
@Component
public class ShiftColumn {

    /**
     * Joins to append after a derived table and an expression valid after them (1 on shift, 0 not),
     * with the joins' parameters in order.
     */
    public record OnShift(String joins, String expression, List<Object> params) {}

    /**
     * The distinct time zones of the directory as a skip scan over {@code ix_app_staff_time_zone} (V46):
     * the smallest zone, then the smallest one above it, and so on, one index probe per zone in use
     * instead of {@code select distinct} over every directory row (decision 71).
     */
    static final String ZONES_IN_USE = "with recursive zones (time_zone) as ("
            + "select min(time_zone) from app_staff "
            + "union all select (select min(n.time_zone) from app_staff n where n.time_zone > zones.time_zone) from zones "
            + "where zones.time_zone is not null) "
            + "select time_zone from zones where time_zone is not null";

    private final JdbcClient jdbc;

    ShiftColumn(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For a select over staff with columns {@code userId}, {@code zone} ({@code app_staff.time_zone})
     * and {@code map} ({@code app_staff.shift_map}), null without a directory row.
     */
    public OnShift at(String userId, String zone, String map, Instant at) {
        List<String> zones = jdbc.sql(ZONES_IN_USE).query(String.class).list();
        return onShift(userId, zone, map, LocalMoment.inZones(zones, at));
    }

    static OnShift onShift(String userId, String zone, String map, List<LocalMoment> moments) {
        List<Object> params = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (LocalMoment m : moments) {
            rows.add("(cast(? as varchar(64)), cast(? as integer), cast(? as varchar(5)), cast(? as integer))");
            params.addAll(List.of(m.zone(), m.isoDay(), m.time(), m.hourSlot()));
        }
        String joins = " left join (values " + String.join(", ", rows) + ") z (time_zone, day_of_week, at_time, hour_slot) "
                + "on z.time_zone = coalesce(" + zone + ", '" + LocalMoment.DEFAULT_ZONE + "')";
        // 'HH:mm' texts of one fixed width compare like the times they are, in any collation.
        String probe = "case when exists (select 1 from app_staff_hours h where h.user_id = " + userId
                + " and h.day_of_week = z.day_of_week and h.start_time <= z.at_time and h.end_time > z.at_time) then 1 else 0 end";
        String hour = "substring(" + map + " from z.hour_slot for 1)";
        String expression = "case when " + map + " is null then " + probe + " when " + hour + " = '1' then 1 when " + hour + " = '2' then "
                + probe + " else 0 end";
        return new OnShift(joins, expression, params);
    }

    /** An SQL condition: the person has any working hours recorded. */
    public static String hasHours(String userId) {
        return "exists (select 1 from app_staff_hours hx where hx.user_id = " + userId + ")";
    }
}
