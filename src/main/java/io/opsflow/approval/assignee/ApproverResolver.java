package io.opsflow.approval.assignee;

import static io.opsflow.approval.ApprovalConventions.APPROVED;
import static io.opsflow.approval.ApprovalConventions.OPEN;
import static io.opsflow.approval.ApprovalConventions.REJECTED;

import io.opsflow.approval.ApprovalConventions;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.ApproverNode.Method;
import io.opsflow.platform.Groups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves an approver node's users at node entry: who (named users, group members, the starter's
 * supervisor N levels up, a form field, the starter's choice), keeping only existing users; then the
 * empty rule when nobody resolves, the starter rule when the starter is among them, and de-duplication
 * of users who approved earlier in the instance. Used at run time and for predictions alike.
 */
public final class ApproverResolver {

    static final int MAX_APPROVERS = 200;

    private final People people;

    public ApproverResolver(People people) {
        this.people = people;
    }

    /**
     * @param initiator the starter's user id
     * @param variables the instance's variables by name (form values, {@code <nodeId>_chosen})
     * @param approvedBefore users who already approved in this instance
     */
    public Resolution resolve(ApproverNode node, String initiator, Function<String, Object> variables,
            Collection<String> approvedBefore) {
        List<String> found = existing(who(node, initiator, variables));
        String auto = null;
        if (found.isEmpty()) {
            switch (node.whenEmpty().action()) {
                case AUTO_APPROVE -> {
                    return new Resolution(List.of(), APPROVED, "empty:autoApprove");
                }
                case AUTO_REJECT -> {
                    return new Resolution(List.of(), REJECTED, "empty:autoReject");
                }
                case TO_USER -> found = existing(List.of(String.valueOf(node.whenEmpty().user())));
                case TO_ADMINS -> found = existing(people.groupMembers(Groups.ADMIN));
            }
            auto = "empty:" + (node.whenEmpty().action() == ApproverNode.EmptyAction.TO_USER ? "toUser" : "toAdmins");
            if (found.isEmpty()) {
                // The fallback resolves nobody either: nobody could ever act, so the node rejects rather than hang.
                return new Resolution(List.of(), REJECTED, "empty:nobody");
            }
        }
        if (initiator != null && found.contains(initiator)) {
            switch (node.whenStarter()) {
                case SELF -> { }
                case AUTO_APPROVE -> {
                    if (node.method() == Method.ANY) {
                        return new Resolution(List.of(), APPROVED, "starter:autoApprove");
                    }
                    found.remove(initiator);
                    if (found.isEmpty()) {
                        return new Resolution(List.of(), APPROVED, "starter:autoApprove");
                    }
                }
                case TO_SUPERVISOR -> {
                    Optional<String> supervisor = people.supervisorOf(initiator).filter(people::userExists);
                    int at = found.indexOf(initiator);
                    found.remove(initiator);
                    if (supervisor.isPresent() && !found.contains(supervisor.get())) {
                        found.add(at, supervisor.get());
                    }
                    if (found.isEmpty()) {
                        return new Resolution(List.of(), APPROVED, "starter:noSupervisor");
                    }
                    auto = "starter:toSupervisor";
                }
            }
        }
        if (node.skipIfApprovedBefore() && approvedBefore != null && !approvedBefore.isEmpty()) {
            Set<String> before = new HashSet<>(approvedBefore);
            if (found.stream().anyMatch(before::contains)) {
                if (node.method() == Method.ANY) {
                    return new Resolution(List.of(), APPROVED, "duplicate:autoApprove");
                }
                found.removeIf(before::contains);
                if (found.isEmpty()) {
                    return new Resolution(List.of(), APPROVED, "duplicate:autoApprove");
                }
                auto = "duplicate:removed";
            }
        }
        return new Resolution(found, OPEN, auto);
    }

    private List<String> who(ApproverNode node, String initiator, Function<String, Object> variables) {
        var assignee = node.assignee();
        return switch (assignee.kind()) {
            case USERS -> assignee.users();
            case GROUP -> people.groupMembers(assignee.group());
            case SUPERVISOR -> supervisors(initiator, assignee.effectiveLevels(), Boolean.TRUE.equals(assignee.allLevels()));
            case FORM_FIELD -> userIds(variables.apply(assignee.field()));
            case STARTER_CHOOSES -> userIds(variables.apply(ApprovalConventions.chosen(node.id())));
        };
    }

    /** The N-th supervisor up from the starter, or every supervisor from the first to the N-th. */
    List<String> supervisors(String initiator, int levels, boolean allLevels) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String current = initiator;
        seen.add(current);
        for (int level = 1; level <= levels && current != null; level++) {
            current = people.supervisorOf(current).orElse(null);
            if (current == null || !seen.add(current)) {
                break; // no supervisor set, or a loop in the org chart
            }
            chain.add(current);
        }
        if (allLevels) {
            return chain;
        }
        return chain.size() == levels ? List.of(chain.get(levels - 1)) : List.of();
    }

    /** User ids from a variable: a list, or text with ids separated by commas, semicolons or blanks. */
    public static List<String> userIds(Object value) {
        List<String> ids = new ArrayList<>();
        if (value instanceof Iterable<?> many) {
            for (Object one : many) {
                if (one instanceof com.fasterxml.jackson.databind.JsonNode json) {
                    ids.add(json.asText());
                } else if (one != null) {
                    ids.add(String.valueOf(one));
                }
            }
        } else if (value != null) {
            for (String part : String.valueOf(value).split("[,;\\s]+")) {
                ids.add(part);
            }
        }
        return ids.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().limit(MAX_APPROVERS).toList();
    }

    private List<String> existing(List<String> ids) {
        return new ArrayList<>(new LinkedHashSet<>(ids).stream()
                .filter(id -> id != null && !id.isBlank() && people.userExists(id))
                .limit(MAX_APPROVERS)
                .toList());
    }
}
