package io.opsflow.workorder.assignment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Load and performance of the candidates, computed by the database: one grouped query over the
 * candidates' work orders (index on assignee and status), never all staff or all orders in memory.
 * Open = ASSIGNED or SUBMITTED; on time = archived and submitted by the due time.
 */
@Component
class CandidateFactsQuery {

    /** Keeps the IN list of one statement well below every driver's parameter limit. */
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    CandidateFactsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CandidateFacts> of(List<String> candidates, int matchedSkills) {
        Map<String, long[]> counts = new HashMap<>();
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            jdbc.sql("select assignee, "
                            + "sum(case when status in ('ASSIGNED', 'SUBMITTED') then 1 else 0 end) as open_orders, "
                            + "sum(case when status = 'ARCHIVED' then 1 else 0 end) as accepted, "
                            + "sum(case when status = 'ARCHIVED' and submitted_at <= due_at then 1 else 0 end) as on_time "
                            + "from app_wo_work_order where assignee in (" + marks + ") group by assignee")
                    .params(new ArrayList<Object>(chunk))
                    .query(rs -> {
                        counts.put(rs.getString("assignee"), new long[] {rs.getLong("open_orders"), rs.getLong("accepted"), rs.getLong("on_time")});
                    });
        }
        return candidates.stream()
                .map(user -> {
                    long[] c = counts.getOrDefault(user, new long[3]);
                    return new CandidateFacts(user, matchedSkills, c[0], c[1], c[2]);
                })
                .toList();
    }
}
