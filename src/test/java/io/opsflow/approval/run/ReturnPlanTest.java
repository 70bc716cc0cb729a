package io.opsflow.approval.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnPlanTest {

    // start > first > fork > (a1 > a2 | b1) > join > final > end
    private final FlowGraph graph = FlowGraph.ofEdges("start>first", "first>fork", "fork>a1", "a1>a2", "a2>join", "fork>b1",
            "b1>join", "join>final", "final>end");

    @Test
    void returnBeforeTheForkWithdrawsEveryBranch() {
        ReturnPlan plan = ReturnPlan.plan(graph, "first", List.of("a2", "b1"));
        assertThat(plan.moved()).containsExactly("a2", "b1");
        assertThat(plan.joinTokens()).isEmpty();
    }

    @Test
    void returnInsideABranchKeepsTheOtherBranch() {
        ReturnPlan plan = ReturnPlan.plan(graph, "a1", List.of("a2", "b1"));
        assertThat(plan.moved()).containsExactly("a2");
        assertThat(plan.joinTokens()).isEmpty();
    }

    @Test
    void returnFromAfterTheJoinIntoABranchGivesTheJoinTheOtherBranchesToken() {
        ReturnPlan plan = ReturnPlan.plan(graph, "a1", List.of("final"));
        assertThat(plan.moved()).containsExactly("final");
        assertThat(plan.joinTokens()).containsExactly("join");
    }

    @Test
    void aBranchTokenWaitingAtTheJoinIsWithdrawnWithTheRest() {
        ReturnPlan plan = ReturnPlan.plan(graph, "first", List.of("a2", "join"));
        assertThat(plan.moved()).containsExactly("a2", "join");
        assertThat(plan.joinTokens()).isEmpty();
    }
}
