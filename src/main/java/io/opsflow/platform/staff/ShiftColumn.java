package io.opsflow.platform.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An SQL expression, for a select over staff, that says whether each one works at an instant by their
 * weekly hours in their own time zone: 0 on shift, 1 no hours recorded, 2 off shift (the codes of
 * {@link io.opsflow.platform.Shift}). The wall-clock day and time of the instant are computed here in
 * Java once per time zone in use, so the database compares stored {@code HH:mm} texts and never loads
 * a schedule into memory.
 */
@Component
public class ShiftColumn {

    /** The SQL and its parameters, to bind in order where the SQL is placed. */
    public record Expression(String sql, List<Object> params) {}

    private final JdbcClient jdbc;

    ShiftColumn(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The expression for the user id column {@code userIdColumn} at {@code at}. */
    public Expression at(String userIdColumn, Instant at) {
        List<String> zones = jdbc.sql("select distinct time_zone from app_staff").query(String.class).list();
        return expression(userIdColumn, LocalMoment.inZones(zones, at));
    }

    static Expression expression(String userIdColumn, List<LocalMoment> moments) {
        List<Object> params = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (LocalMoment m : moments) {
            rows.add("(cast(? as varchar(64)), cast(? as integer), cast(? as varchar(5)))");
            params.addAll(List.of(m.zone(), m.isoDay(), m.time()));
        }
        // 'HH:mm' texts of one fixed width compare like the times they are, in any collation.
        String sql = "case when not exists (select 1 from app_staff_hours hx where hx.user_id = " + userIdColumn + ") then 1 "
                + "when exists (select 1 from app_staff_hours h join (values " + String.join(", ", rows) + ") z (time_zone, day_of_week, at_time) "
                + "on z.day_of_week = h.day_of_week and h.start_time <= z.at_time and h.end_time > z.at_time "
                + "where h.user_id = " + userIdColumn + " and z.time_zone = coalesce((select st2.time_zone from app_staff st2 where st2.user_id = "
                + userIdColumn + "), '" + LocalMoment.DEFAULT_ZONE + "')) then 0 else 2 end";
        return new Expression(sql, params);
    }
}
