package io.opsflow.workorder.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.opsflow.platform.Shift;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentScoringTest {

    private final AssignmentScoring scoring = new AssignmentScoring(ScoringWeights.DEFAULTS);

    @Test
    void anIdleCandidateBeatsABusyOneWithTheSameSkillsAndRecord() {
        var ranked = scoring.rank(1, List.of(facts("busy", 1, 3, 4, 4), facts("idle", 1, 0, 4, 4)));

        assertThat(ranked).extracting(CandidateScore::userId).containsExactly("idle", "busy");
        CandidateScore idle = ranked.get(0);
        assertThat(idle.skillMatch()).isEqualTo(1.0);
        assertThat(idle.load()).isEqualTo(1.0);
        assertThat(idle.performance()).isEqualTo(1.0);
        assertThat(idle.score()).isEqualTo(1.0);
        assertThat(ranked.get(1).load()).isEqualTo(0.25);
        assertThat(ranked.get(1).score()).isCloseTo(0.775, within(1e-9));
    }

    @Test
    void loadFallsAsOpenWorkOrdersRiseAndStaysBetweenZeroAndOne() {
        double previous = 2;
        for (int open = 0; open <= 50; open++) {
            double load = scoring.rank(1, List.of(facts("u", 1, open, 0, 0))).get(0).load();
            assertThat(load).isBetween(0.0, 1.0).isLessThan(previous);
            previous = load;
        }
    }

    @Test
    void noHistoryIsTheNeutralHalfAndLatenessLowersPerformance() {
        var ranked = scoring.rank(1, List.of(facts("new", 1, 0, 0, 0), facts("late", 1, 0, 4, 1)));

        assertThat(ranked).extracting(CandidateScore::userId).containsExactly("new", "late");
        assertThat(ranked.get(0).performance()).isEqualTo(AssignmentScoring.NEUTRAL_PERFORMANCE);
        assertThat(ranked.get(1).performance()).isEqualTo(0.25);
    }

    @Test
    void skillMatchIsTheShareOfRequiredSkillsHeld() {
        var ranked = scoring.rank(2, List.of(facts("half", 1, 0, 0, 0), facts("full", 2, 0, 0, 0)));

        assertThat(ranked).extracting(CandidateScore::userId).containsExactly("full", "half");
        assertThat(ranked.get(1).skillMatch()).isEqualTo(0.5);
    }

    @Test
    void weightsAreConfigurable() {
        var loadOnly = new AssignmentScoring(new ScoringWeights(0, 1, 0));

        var ranked = loadOnly.rank(2, List.of(facts("expert", 2, 2, 10, 10), facts("novice", 1, 0, 0, 0)));

        assertThat(ranked).extracting(CandidateScore::userId).containsExactly("novice", "expert");
        assertThat(ranked.get(0).score()).isEqualTo(1.0);
    }

    @Test
    void tiesGoToFewerOpenOrdersThenToTheSmallerUserId() {
        var ranked = scoring.rank(1, List.of(facts("b", 1, 0, 0, 0), facts("a", 1, 0, 0, 0)));

        assertThat(ranked).extracting(CandidateScore::userId).containsExactly("a", "b");
    }

    @Test
    void refusesWorkWithoutSkillsAndNegativeWeights() {
        assertThatThrownBy(() -> scoring.rank(0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoringWeights(-0.1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoringWeights(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onShiftComesFirstWhateverTheScoreThenTheOthersByScoreAndTheWhySaysWhich() {
        var ranked = scoring.rank(1, List.of(
                new CandidateFacts("idle-at-home", 1, 0, 4, 4, Shift.OFF_SHIFT),
                new CandidateFacts("busy-at-work", 1, 5, 4, 0, Shift.ON_SHIFT),
                new CandidateFacts("unknown-hours", 1, 2, 0, 0, Shift.NO_HOURS),
                new CandidateFacts("idle-at-work", 1, 0, 0, 0, Shift.ON_SHIFT)));

        assertThat(ranked).extracting(CandidateScore::userId).containsExactly("idle-at-work", "busy-at-work", "idle-at-home", "unknown-hours");
        assertThat(ranked).extracting(CandidateScore::shift)
                .containsExactly("on shift", "on shift", "off shift", "no working hours recorded");
        // The score itself is not changed by the shift: the best-scored candidate is the one at home.
        assertThat(ranked.get(2).score()).isEqualTo(1.0);
    }

    @Test
    void noCandidatesGiveAnEmptyRanking() {
        assertThat(scoring.rank(1, List.of())).isEmpty();
    }

    private static CandidateFacts facts(String user, int matched, long open, long accepted, long onTime) {
        return new CandidateFacts(user, matched, open, accepted, onTime);
    }
}
