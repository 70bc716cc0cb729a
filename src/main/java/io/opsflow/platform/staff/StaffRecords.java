package io.opsflow.platform.staff;

import io.opsflow.platform.Groups;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the staff directory: members of the {@code staff} group with their directory row (if any),
 * skills, team groups, contact channels and weekly hours. Filtering and paging happen in the
 * database; only one page of people is read.
 */
@Component
public class StaffRecords {

    static final String PHONE = "phone";
    static final String IM_ID = "imId";
    static final String TEAM_TYPE = "team";

    private static final String FROM = " from ACT_ID_USER u"
            + " join ACT_ID_MEMBERSHIP m on m.USER_ID_ = u.ID_ and m.GROUP_ID_ = '" + Groups.STAFF + "'"
            + " left join app_staff s on s.user_id = u.ID_"
            + " left join app_account a on a.user_id = u.ID_ where 1 = 1";

    private record Head(String id, String name, String email, boolean onDuty, String zone, int version, boolean disabled) {}

    private final JdbcClient jdbc;

    StaffRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StaffPage search(StaffFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (filter.skill() != null) {
            where.append(" and exists (select 1 from app_user_skill k where k.user_id = u.ID_ and k.skill = ?)");
            params.add(filter.skill());
        }
        if (filter.team() != null) {
            where.append(" and exists (select 1 from ACT_ID_MEMBERSHIP t where t.USER_ID_ = u.ID_ and t.GROUP_ID_ = ?)");
            params.add(filter.team());
        }
        if (filter.onDuty() != null) {
            where.append(filter.onDuty() ? " and (s.on_duty is null or s.on_duty = true)" : " and s.on_duty = false");
        }
        if (filter.query() != null) {
            where.append(" and (lower(u.ID_) like ? or lower(u.FIRST_) like ? or lower(u.LAST_) like ? or lower(u.DISPLAY_NAME_) like ?)");
            String like = "%" + filter.query().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "\\_") + "%";
            params.addAll(List.of(like, like, like, like));
        }
        long total = jdbc.sql("select count(*)" + FROM + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(0, page), pages - 1);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add((long) current * size);
        pageParams.add(size);
        List<StaffMember> items = jdbc.sql("select u.ID_, u.FIRST_, u.LAST_, u.DISPLAY_NAME_, u.EMAIL_, s.on_duty, s.time_zone, s.version, a.disabled"
                        + FROM + where + " order by u.ID_ offset ? rows fetch next ? rows only")
                .params(pageParams)
                .query(StaffRecords::head)
                .list()
                .stream()
                .map(this::complete)
                .toList();
        return new StaffPage(items, current, size, total, pages);
    }

    /** The entry of a member of {@code staff}; empty for anybody else. */
    public Optional<StaffMember> find(String userId) {
        return jdbc.sql("select u.ID_, u.FIRST_, u.LAST_, u.DISPLAY_NAME_, u.EMAIL_, s.on_duty, s.time_zone, s.version, a.disabled"
                        + FROM + " and u.ID_ = ?")
                .param(userId)
                .query(StaffRecords::head)
                .optional()
                .map(this::complete);
    }

    /** The weekly schedule; no row means no scheduled hours, in UTC. */
    public WeeklyHours hours(String userId) {
        ZoneId zone = jdbc.sql("select time_zone from app_staff where user_id = ?")
                .param(userId)
                .query(String.class)
                .optional()
                .map(ZoneId::of)
                .orElse(ZoneId.of("UTC"));
        List<WeeklyHours.Period> periods = jdbc.sql("select day_of_week, start_time, end_time from app_staff_hours where user_id = ?")
                .param(userId)
                .query((rs, n) -> WeeklyHours.period(DayOfWeek.of(rs.getInt(1)).name(), rs.getString(2), rs.getString(3)))
                .list();
        return new WeeklyHours(zone, periods);
    }

    public boolean onDuty(String userId) {
        return jdbc.sql("select on_duty from app_staff where user_id = ?").param(userId).query(Boolean.class).optional().orElse(true);
    }

    /** Ids of the team groups ({@code type=team}) the user belongs to, sorted. */
    public List<String> teamsOf(String userId) {
        return jdbc.sql("select g.ID_ from ACT_ID_GROUP g join ACT_ID_MEMBERSHIP m on m.GROUP_ID_ = g.ID_ "
                        + "where m.USER_ID_ = ? and g.TYPE_ = '" + TEAM_TYPE + "' order by g.ID_")
                .param(userId)
                .query(String.class)
                .list();
    }

    /** Every team group id, sorted. */
    public List<String> teams() {
        return jdbc.sql("select ID_ from ACT_ID_GROUP where TYPE_ = '" + TEAM_TYPE + "' order by ID_").query(String.class).list();
    }

    private StaffMember complete(Head h) {
        WeeklyHours hours = hours(h.id());
        List<String> skills = jdbc.sql("select skill from app_user_skill where user_id = ? order by skill")
                .param(h.id())
                .query(String.class)
                .list();
        return new StaffMember(h.id(), h.name(), h.email(), info(h.id(), PHONE), info(h.id(), IM_ID), teamsOf(h.id()), skills,
                h.onDuty(), !h.disabled(), h.zone(), StaffMember.periods(hours), hours.text(), hours.weeklyTotal(), h.version());
    }

    private String info(String userId, String key) {
        return jdbc.sql("select VALUE_ from ACT_ID_INFO where USER_ID_ = ? and KEY_ = ? and TYPE_ = 'userinfo'")
                .params(userId, key)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        String display = rs.getString("DISPLAY_NAME_");
        String name = display != null && !display.isBlank() ? display
                : ((rs.getString("FIRST_") == null ? "" : rs.getString("FIRST_")) + " "
                        + (rs.getString("LAST_") == null ? "" : rs.getString("LAST_"))).strip();
        Object onDuty = rs.getObject("on_duty");
        String zone = rs.getString("time_zone");
        return new Head(rs.getString("ID_"), name.isEmpty() ? rs.getString("ID_") : name, rs.getString("EMAIL_"),
                onDuty == null || rs.getBoolean("on_duty"), zone == null ? "UTC" : zone, rs.getInt("version"), rs.getBoolean("disabled"));
    }
}
