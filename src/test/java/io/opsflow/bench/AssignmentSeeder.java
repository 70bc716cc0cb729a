package io.opsflow.bench;

import io.opsflow.platform.identity.StaffCandidates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeds the assignment benchmark by JDBC batches into a schema Opsflow created: staff as IDM users
 * in {@code staff} with 1–3 of {@link #SKILLS}, a staff-directory row (5% on leave) and Mon–Fri hours
 * each; open (ASSIGNED/SUBMITTED) and archived work orders spread over them at random; then the load
 * counters the way migration V17 computes them, the active staff by skill the way a restart rebuilds them
 * (decision 80), and VACUUM ANALYZE (as autovacuum would).
 */
final class AssignmentSeeder {

    static final List<String> SKILLS = List.of("电工", "水电", "泥瓦", "木工", "绿化", "保洁", "安保", "空调");
    private static final int BATCH = 2000;

    private AssignmentSeeder() {}

    /** The shift map the staff pages store for Mon-Fri 08:00-17:00 (decision 59). */
    private static final String WEEKDAYS_MAP = io.opsflow.platform.staff.WeeklyHours
            .of(java.time.ZoneId.of("Asia/Shanghai"), io.opsflow.platform.staff.WeeklyHours.parse("Mon-Fri 08:00-17:00"))
            .hourMap();

    static void seed(BenchDatabase database, int staff, int openOrders, int archivedOrders, StaffCandidates candidates) throws SQLException {
        var random = new Random(7);
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement user = c.prepareStatement("insert into ACT_ID_USER (ID_, REV_, FIRST_, LAST_, DISPLAY_NAME_) values (?, 1, ?, ?, ?)");
                    PreparedStatement member = c.prepareStatement("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (?, 'staff')");
                    PreparedStatement skill = c.prepareStatement("insert into app_user_skill (user_id, skill) values (?, ?)");
                    PreparedStatement directory = c.prepareStatement(
                            "insert into app_staff (user_id, on_duty, time_zone, version, shift_map) values (?, ?, 'Asia/Shanghai', 1, ?)");
                    PreparedStatement hours = c.prepareStatement(
                            "insert into app_staff_hours (user_id, day_of_week, start_time, end_time) values (?, ?, '08:00', '17:00')")) {
                for (int i = 0; i < staff; i++) {
                    String id = staffId(i);
                    user.setString(1, id);
                    user.setString(2, "Bench");
                    user.setString(3, "Staff " + i);
                    user.setString(4, "Bench Staff " + i);
                    user.addBatch();
                    member.setString(1, id);
                    member.addBatch();
                    List<String> own = new ArrayList<>(SKILLS);
                    Collections.shuffle(own, random);
                    for (String s : own.subList(0, 1 + random.nextInt(3))) {
                        skill.setString(1, id);
                        skill.setString(2, s);
                        skill.addBatch();
                    }
                    directory.setString(1, id);
                    directory.setBoolean(2, random.nextInt(100) >= 5);
                    directory.setString(3, WEEKDAYS_MAP);
                    directory.addBatch();
                    for (int day = 1; day <= 5; day++) {
                        hours.setString(1, id);
                        hours.setInt(2, day);
                        hours.addBatch();
                    }
                    if (i % BATCH == BATCH - 1 || i == staff - 1) {
                        for (PreparedStatement p : List.of(user, member, skill, directory, hours)) {
                            p.executeBatch();
                        }
                        c.commit();
                    }
                }
            }
            try (PreparedStatement order = c.prepareStatement("insert into app_wo_work_order (id, number, title, location, skills, priority, "
                    + "due_at, status, assignee, created_at, updated_at, submitted_at, archived_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Instant now = Instant.now();
                int total = openOrders + archivedOrders;
                for (int i = 0; i < total; i++) {
                    boolean archived = i >= openOrders;
                    Instant created = now.minusSeconds(60L * random.nextInt(60 * 24 * 30));
                    Instant due = created.plusSeconds(3600L * (1 + random.nextInt(24)));
                    Instant submitted = archived ? due.plusSeconds(random.nextInt(4) == 0 ? 1800 : -1800) : null;
                    order.setString(1, UUID.randomUUID().toString());
                    order.setString(2, "BENCH-" + i);
                    order.setString(3, "Bench order " + i);
                    order.setString(4, "A区");
                    order.setString(5, "[\"" + SKILLS.get(random.nextInt(SKILLS.size())) + "\"]");
                    order.setInt(6, 50);
                    order.setTimestamp(7, utc(due));
                    order.setString(8, archived ? "ARCHIVED" : random.nextInt(5) == 0 ? "SUBMITTED" : "ASSIGNED");
                    order.setString(9, staffId(random.nextInt(staff)));
                    order.setTimestamp(10, utc(created));
                    order.setTimestamp(11, utc(created));
                    order.setTimestamp(12, submitted == null ? null : utc(submitted));
                    order.setTimestamp(13, archived ? utc(submitted.plusSeconds(600)) : null);
                    order.addBatch();
                    if (i % BATCH == BATCH - 1 || i == total - 1) {
                        order.executeBatch();
                        c.commit();
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from app_wo_staff_load");
                s.executeUpdate("insert into app_wo_staff_load (user_id, open_orders, accepted_orders, on_time_acceptances) "
                        + "select assignee, sum(case when status in ('ASSIGNED', 'SUBMITTED') then 1 else 0 end), "
                        + "sum(case when status = 'ARCHIVED' then 1 else 0 end), "
                        + "sum(case when status = 'ARCHIVED' and submitted_at <= due_at then 1 else 0 end) "
                        + "from app_wo_work_order where assignee is not null group by assignee");
                c.commit();
                c.setAutoCommit(true);
                // Staff were written by SQL, behind the platform's back: rebuild its rows as a restart would.
                candidates.rebuildAll();
                if (database.isPostgres()) {
                    s.execute("vacuum analyze");
                }
            }
        }
    }

    static String staffId(int i) {
        return String.format("bench-staff-%05d", i);
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
