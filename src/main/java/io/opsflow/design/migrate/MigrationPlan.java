package io.opsflow.design.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;

/**
 * Where each source activity with running instances moves in the target version: an explicit mapping,
 * the activity of the same id, or nowhere. Checks the mappings themselves first (plain logic, no engine).
 */
final class MigrationPlan {

    static final String SAME_ID = "same id";
    static final String MAPPED = "mapping";
    static final String CANNOT = "cannot";

    /** One mapping of a source activity id to a target activity id. */
    record Mapping(String from, String to) {}

    /** One source activity: how many instances wait there and where they go; {@code to} is null when they cannot move. */
    record Move(String from, String fromName, long instances, String to, String toName, String how, String reason) {
        boolean blocked() {
            return to == null;
        }
    }

    private MigrationPlan() {}

    /**
     * @param waiting running instances per source activity id
     * @param source flow node ids of the source version with their names
     * @param target flow node ids of the target version with their names
     */
    static List<Move> plan(Map<String, Long> waiting, Map<String, String> source, Map<String, String> target, List<Mapping> mappings,
            int toVersion) {
        Map<String, String> explicit = checked(mappings, source, target, toVersion);
        List<Move> moves = new ArrayList<>();
        waiting.forEach((from, count) -> {
            String fromName = source.get(from);
            if (explicit.containsKey(from)) {
                String to = explicit.get(from);
                moves.add(new Move(from, fromName, count, to, target.get(to), MAPPED, null));
            } else if (target.containsKey(from)) {
                moves.add(new Move(from, fromName, count, from, target.get(from), SAME_ID, null));
            } else {
                moves.add(new Move(from, fromName, count, null, null, CANNOT,
                        "cannot: no such activity in v" + toVersion + "; map it to an activity of v" + toVersion));
            }
        });
        return moves;
    }

    private static Map<String, String> checked(List<Mapping> mappings, Map<String, String> source, Map<String, String> target, int toVersion) {
        Map<String, String> explicit = new LinkedHashMap<>();
        for (Mapping mapping : mappings == null ? List.<Mapping>of() : mappings) {
            if (mapping == null || blank(mapping.from()) || blank(mapping.to())) {
                throw new FlowableIllegalArgumentException("Every mapping needs 'from' and 'to' activity ids.");
            }
            if (!source.containsKey(mapping.from())) {
                throw new FlowableIllegalArgumentException("Mapping from '" + mapping.from() + "': no such activity in the source version.");
            }
            if (!target.containsKey(mapping.to())) {
                throw new FlowableIllegalArgumentException("Mapping to '" + mapping.to() + "': no such activity in v" + toVersion + ".");
            }
            if (explicit.putIfAbsent(mapping.from(), mapping.to()) != null) {
                throw new FlowableIllegalArgumentException("Activity '" + mapping.from() + "' is mapped twice; map it once.");
            }
        }
        return explicit;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
