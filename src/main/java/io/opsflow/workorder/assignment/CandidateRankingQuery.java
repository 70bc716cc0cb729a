package io.opsflow.workorder.assignment;

import io.opsflow.platform.Shift;
import io.opsflow.platform.StaffSkills;
import io.opsflow.workorder.support.PostgresCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The best candidates and how many there are, in one statement: the platform's candidate select
 * (with whether each one is on shift at the given instant) joined to the load counters, ordered by
 * on shift first, then by the score exactly as {@link AssignmentScoring} computes and
 * rounds it (same double arithmetic), then fewer open orders, then user id in code-point order, and
 * cut to the first {@code limit}. Nothing per candidate comes back beyond those rows.
 */
@Component
class CandidateRankingQuery {

    private static final String D = " as double precision)";
    private static final String OPEN = "greatest(0, coalesce(l.open_orders, 0))";
    private static final String SCORE = "cast(?" + D + " * cast(1" + D
            + " + cast(?" + D + " * (cast(1" + D + " / (cast(1" + D + " + cast(" + OPEN + D + "))"
            + " + cast(?" + D + " * (case when coalesce(l.accepted_orders, 0) <= 0 then cast(" + AssignmentScoring.NEUTRAL_PERFORMANCE + D
            + " else least(cast(1" + D + ", cast(coalesce(l.on_time_acceptances, 0)" + D + " / cast(l.accepted_orders" + D + ") end)";

    record Result(List<CandidateFacts> best, int total) {}

    private final JdbcClient jdbc;
    private final StaffSkills staffSkills;
    private final String userOrder;

    CandidateRankingQuery(JdbcClient jdbc, StaffSkills staffSkills, DataSource dataSource) {
        this.jdbc = jdbc;
        this.staffSkills = staffSkills;
        this.userOrder = PostgresCheck.isPostgres(dataSource) ? "c.user_id collate \"C\"" : "c.user_id";
    }

    Result best(List<String> requiredSkills, ScoringWeights weights, int limit, Instant at) {
        StaffSkills.CandidateSelect candidates = staffSkills.candidatesAt(requiredSkills, at);
        List<Object> params = new ArrayList<>(candidates.params());
        params.addAll(List.of(weights.skill(), weights.load(), weights.performance(), Math.max(1, limit)));
        int[] total = {0};
        // The hours check runs in an outer select over the returned rows only, so it is one probe per
        // listed candidate whatever the planner estimates for the candidates (a correct estimate made
        // PostgreSQL hash every period of every person for it, decision 71).
        List<CandidateFacts> best = jdbc.sql("select r.user_id, r.on_shift, " + StaffSkills.hasWorkingHours("r.user_id") + " as has_hours, "
                        + "r.open_orders, r.accepted, r.on_time, r.total from ("
                        + "select c.user_id, c.on_shift, " + OPEN + " as open_orders, coalesce(l.accepted_orders, 0) as accepted, "
                        + "coalesce(l.on_time_acceptances, 0) as on_time, count(*) over () as total "
                        + "from (" + candidates.sql() + ") c left join app_wo_staff_load l on l.user_id = c.user_id "
                        + "order by c.on_shift desc, floor((" + SCORE + ") * cast(10000" + D + " + cast(0.5" + D + ") desc, " + OPEN + ", " + userOrder
                        + " fetch first ? rows only) r")
                .params(params)
                .query((rs, n) -> {
                    total[0] = rs.getInt("total");
                    return new CandidateFacts(rs.getString("user_id"), requiredSkills.size(), rs.getLong("open_orders"),
                            rs.getLong("accepted"), rs.getLong("on_time"), Shift.of(rs.getInt("on_shift") == 1, rs.getBoolean("has_hours")));
                })
                .list();
        return new Result(best, total[0]);
    }
}
