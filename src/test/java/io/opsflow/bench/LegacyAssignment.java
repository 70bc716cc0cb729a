package io.opsflow.bench;

import io.opsflow.workorder.assignment.AssignmentScoring;
import io.opsflow.workorder.assignment.CandidateFacts;
import io.opsflow.workorder.assignment.CandidateScore;
import io.opsflow.workorder.assignment.ScoringWeights;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The assignment ranking as it was before the load counters (commit 29a90bf): every matching staff id
 * from {@code UserSkills.activeStaffWithAll}, then load and performance counted over their work
 * orders in IN lists of 1,000, scored and sorted in Java. Same SQL, kept here only to measure it.
 */
final class LegacyAssignment {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final AssignmentScoring scoring;

    LegacyAssignment(JdbcClient jdbc, ScoringWeights weights) {
        this.jdbc = jdbc;
        this.scoring = new AssignmentScoring(weights);
    }

    List<CandidateScore> rank(List<String> skills) {
        String marks = String.join(", ", Collections.nCopies(skills.size(), "?"));
        List<Object> params = new ArrayList<>(skills);
        params.add(skills.size());
        List<String> candidates = jdbc.sql("select s.user_id from app_user_skill s "
                        + "join ACT_ID_MEMBERSHIP m on m.USER_ID_ = s.user_id and m.GROUP_ID_ = 'staff' "
                        + "left join app_account a on a.user_id = s.user_id "
                        + "where s.skill in (" + marks + ") and (a.disabled is null or a.disabled = false) "
                        + "group by s.user_id having count(distinct s.skill) = ? order by s.user_id")
                .params(params)
                .query(String.class)
                .list();
        Map<String, long[]> counts = new HashMap<>();
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
            jdbc.sql("select assignee, "
                            + "sum(case when status in ('ASSIGNED', 'SUBMITTED') then 1 else 0 end) as open_orders, "
                            + "sum(case when status = 'ARCHIVED' then 1 else 0 end) as accepted, "
                            + "sum(case when status = 'ARCHIVED' and submitted_at <= due_at then 1 else 0 end) as on_time "
                            + "from app_wo_work_order where assignee in (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                            + ") group by assignee")
                    .params(new ArrayList<Object>(chunk))
                    .query(rs -> {
                        counts.put(rs.getString("assignee"), new long[] {rs.getLong("open_orders"), rs.getLong("accepted"), rs.getLong("on_time")});
                    });
        }
        List<CandidateFacts> facts = candidates.stream()
                .map(user -> {
                    long[] c = counts.getOrDefault(user, new long[3]);
                    return new CandidateFacts(user, skills.size(), c[0], c[1], c[2]);
                })
                .toList();
        return scoring.rank(skills.size(), facts);
    }

    /** The old {@code WorkOrderStore.recordAssignment}: one update, no counters. */
    void record(String orderId, String assignee, String explanation) {
        jdbc.sql("update app_wo_work_order set assignee = ?, status = ?, explanation = ?, updated_at = current_timestamp "
                        + "where id = ? and status <> 'ARCHIVED'")
                .params(assignee, "ASSIGNED", explanation, orderId)
                .update();
    }
}
