package io.opsflow.approval.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which activities a return (退回) to {@code target} moves, decided on the graph alone:
 * <ul>
 *   <li>every active activity downstream of the target is withdrawn and the target runs again (a 会签
 *       node's open instances all go: the node starts over with its approver list);</li>
 *   <li>active activities the target does not reach (a sibling parallel branch when the target is in
 *       the same branch as the returning node) keep running;</li>
 *   <li>when the target is inside a parallel branch whose join was already passed, the join gets one
 *       arrived token per other branch, so only the target's branch is done again and the join then
 *       continues without waiting for branches that already finished.</li>
 * </ul>
 *
 * @param moved active activity ids that are withdrawn, in a stable order
 * @param joinTokens parallel join ids that get an arrived token (once per entry)
 */
public record ReturnPlan(String target, List<String> moved, List<String> joinTokens) {

    public static ReturnPlan plan(FlowGraph graph, String target, Collection<String> activeActivityIds) {
        Set<String> fromTarget = graph.downstreamOf(target);
        Set<String> moved = new LinkedHashSet<>();
        Set<String> kept = new LinkedHashSet<>();
        for (String active : activeActivityIds) {
            if (fromTarget.contains(active)) {
                moved.add(active);
            } else {
                kept.add(active);
            }
        }
        List<String> tokens = new ArrayList<>();
        for (String join : fromTarget) {
            if (!graph.isParallelJoin(join) || moved.stream().noneMatch(m -> graph.reaches(join, m))) {
                continue;
            }
            for (String source : graph.incomingSources(join)) {
                boolean fedByTarget = source.equals(target) || fromTarget.contains(source);
                boolean fedByKept = kept.stream().anyMatch(k -> k.equals(source) || graph.reaches(k, source));
                if (!fedByTarget && !fedByKept) {
                    tokens.add(join);
                }
            }
        }
        return new ReturnPlan(target, List.copyOf(moved), List.copyOf(tokens));
    }
}
