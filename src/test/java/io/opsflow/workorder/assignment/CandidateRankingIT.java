package io.opsflow.workorder.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.identity.Accounts;
import io.opsflow.platform.identity.StaffCandidates;
import io.opsflow.platform.identity.UserSkills;
import io.opsflow.support.OpsflowIntegrationTest;
import io.opsflow.workorder.order.WorkOrderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one-statement ranking gives exactly what scoring every candidate in Java gives: the same best
 * candidates in the same order (ties on score, then open orders, then user id) and the full count.
 */
@OpsflowIntegrationTest
class CandidateRankingIT {

    private static final String ID_CHARS = "ab-._z09";

    @Autowired AssignmentRanking ranking;
    @Autowired WorkOrderSettings settings;
    @Autowired IdentityService identityService;
    @Autowired UserSkills userSkills;
    @Autowired Accounts accounts;
    @Autowired StaffCandidates staffCandidates;
    @Autowired JdbcClient jdbc;

    @Test
    void theStatementRanksLikeScoringEveryCandidateAndCountsThemAll() {
        String skill = TestUsers.uniqueId("电工");
        Random random = new Random(42);
        List<CandidateFacts> all = new ArrayList<>();
        int candidates = settings.explainedCandidates() + 30;
        String prefix = TestUsers.uniqueId("rank").replace("-", "");
        for (int i = 0; i < candidates; i++) {
            // Ids that sort differently under a language collation ('-', '.', '_' and digits).
            String id = prefix + ID_CHARS.charAt(random.nextInt(ID_CHARS.length())) + ID_CHARS.charAt(random.nextInt(ID_CHARS.length())) + i;
            staff(id, skill);
            long open = random.nextInt(4);
            long accepted = random.nextInt(5);
            long onTime = accepted == 0 ? 0 : random.nextInt((int) accepted + 1);
            if (open + accepted > 0 || random.nextBoolean()) {
                jdbc.sql("insert into app_wo_staff_load (user_id, open_orders, accepted_orders, on_time_acceptances) values (?, ?, ?, ?)")
                        .params(id, open, accepted, onTime)
                        .update();
            }
            all.add(new CandidateFacts(id, 1, open, accepted, onTime));
        }
        String disabled = prefix + "disabled";
        staff(disabled, skill);
        accounts.setDisabled(disabled, true);
        String onLeave = prefix + "leave";
        staff(onLeave, skill);
        jdbc.sql("insert into app_staff (user_id, on_duty) values (?, false)").param(onLeave).update();
        staffCandidates.changed(onLeave);

        Ranking ranked = ranking.rank(List.of(skill));

        List<CandidateScore> expected = new AssignmentScoring(settings.weights().toWeights()).rank(1, all);
        assertThat(ranked.candidateCount()).isEqualTo(candidates);
        assertThat(ranked.candidates()).containsExactlyElementsOf(expected.subList(0, settings.explainedCandidates()));
        assertThat(ranked.candidates()).extracting(CandidateScore::userId).doesNotContain(disabled, onLeave);
    }

    @Test
    void severalSkillsNeedThemAll() {
        String wiring = TestUsers.uniqueId("电工");
        String pipes = TestUsers.uniqueId("水电");
        String both = TestUsers.uniqueId("both");
        staff(both, wiring, pipes);
        staff(TestUsers.uniqueId("wiring"), wiring);

        Ranking ranked = ranking.rank(List.of(wiring, pipes, wiring));

        assertThat(ranked.requiredSkills()).containsExactly(wiring, pipes);
        assertThat(ranked.candidateCount()).isEqualTo(1);
        assertThat(ranked.candidates()).singleElement().satisfies(c -> {
            assertThat(c.userId()).isEqualTo(both);
            assertThat(c.skillMatch()).isEqualTo(1.0);
            assertThat(c.score()).isEqualTo(0.95);
        });
        assertThat(ranking.rank(List.of(TestUsers.uniqueId("nobody-has-it"))).candidates()).isEmpty();
    }

    private void staff(String id, String... skills) {
        User user = identityService.newUser(id);
        user.setFirstName("Rank");
        identityService.saveUser(user);
        identityService.createMembership(id, Groups.STAFF);
        userSkills.replace(id, List.of(skills));
    }
}
