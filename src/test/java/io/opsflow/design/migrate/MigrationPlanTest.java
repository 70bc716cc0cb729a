package io.opsflow.design.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.junit.jupiter.api.Test;

class MigrationPlanTest {

    private static final Map<String, String> V1 = Map.of("start", "Start", "review", "Review", "approve", "Approve", "end", "End");
    private static final Map<String, String> V2 = Map.of("start", "Start", "check", "Check", "approve", "Approve", "end", "End");

    @Test
    void sameIdsMoveByThemselvesMappingsWinAndTheRestCannotMove() {
        Map<String, Long> waiting = new LinkedHashMap<>();
        waiting.put("approve", 4L);
        waiting.put("review", 100L);

        var unmapped = MigrationPlan.plan(waiting, V1, V2, List.of(), 2);
        assertThat(unmapped).extracting(MigrationPlan.Move::from, MigrationPlan.Move::to, MigrationPlan.Move::how)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("approve", "approve", MigrationPlan.SAME_ID),
                        org.assertj.core.groups.Tuple.tuple("review", null, MigrationPlan.CANNOT));
        assertThat(unmapped.get(1).reason()).startsWith("cannot: no such activity in v2");
        assertThat(unmapped.get(1).blocked()).isTrue();

        var mapped = MigrationPlan.plan(waiting, V1, V2, List.of(new MigrationPlan.Mapping("review", "check")), 2);
        assertThat(mapped.get(1)).isEqualTo(new MigrationPlan.Move("review", "Review", 100, "check", "Check", MigrationPlan.MAPPED, null));
        assertThat(mapped).noneMatch(MigrationPlan.Move::blocked);
    }

    @Test
    void mappingsToOrFromMissingActivitiesOrTwiceAreRefused() {
        Map<String, Long> waiting = Map.of("review", 1L);

        assertThatThrownBy(() -> MigrationPlan.plan(waiting, V1, V2, List.of(new MigrationPlan.Mapping("review", "nowhere")), 2))
                .isInstanceOf(FlowableIllegalArgumentException.class).hasMessageContaining("no such activity in v2");
        assertThatThrownBy(() -> MigrationPlan.plan(waiting, V1, V2, List.of(new MigrationPlan.Mapping("ghost", "check")), 2))
                .isInstanceOf(FlowableIllegalArgumentException.class).hasMessageContaining("source version");
        assertThatThrownBy(() -> MigrationPlan.plan(waiting, V1, V2, List.of(new MigrationPlan.Mapping("review", "check"),
                new MigrationPlan.Mapping("review", "approve")), 2)).hasMessageContaining("mapped twice");
        assertThatThrownBy(() -> MigrationPlan.plan(waiting, V1, V2, List.of(new MigrationPlan.Mapping("review", " ")), 2))
                .hasMessageContaining("'from' and 'to'");
    }

    @Test
    void theSameValidatorMessageForManyInstancesIsShownOnceWithTheCount() {
        var messages = InstanceMigrations.validatorMessages(List.of(
                "Process instance (id:'a1') has a running Activity (id:'review') that is not mapped for migration",
                "Process instance (id:'b2') has a running Activity (id:'review') that is not mapped for migration",
                "Something else"));

        assertThat(messages).containsExactly(
                new MigrationViews.ValidatorMessage("An instance has a running Activity (id:'review') that is not mapped for migration", 2),
                new MigrationViews.ValidatorMessage("Something else", 1));
    }
}
