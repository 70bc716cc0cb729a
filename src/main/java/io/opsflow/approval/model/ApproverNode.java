package io.opsflow.approval.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An approver node: who approves, how their votes combine, and what happens when nobody resolves,
 * when the starter is an approver, when someone already approved earlier, and on timeout.
 */
public record ApproverNode(
        String id,
        String name,
        Assignee assignee,
        Method method,
        Integer ratio,
        WhenEmpty whenEmpty,
        WhenStarter whenStarter,
        boolean skipIfApprovedBefore,
        Timeout timeout,
        boolean commentRequired,
        Map<String, Permission> fieldPermissions) implements Node {

    public ApproverNode {
        method = method == null ? Method.SEQUENTIAL : method;
        whenEmpty = whenEmpty == null ? new WhenEmpty(EmptyAction.TO_ADMINS, null) : whenEmpty;
        whenStarter = whenStarter == null ? WhenStarter.SELF : whenStarter;
        fieldPermissions = fieldPermissions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldPermissions));
    }

    /** Who: named users, a group's members, the starter's supervisor(s), users in a form field, or chosen by the starter. */
    public record Assignee(AssigneeKind kind, List<String> users, String group, Integer levels, Boolean allLevels, String field) {

        public Assignee {
            users = users == null ? List.of() : List.copyOf(users);
        }

        public static Assignee users(String... ids) {
            return new Assignee(AssigneeKind.USERS, List.of(ids), null, null, null, null);
        }

        public static Assignee group(String group) {
            return new Assignee(AssigneeKind.GROUP, null, group, null, null, null);
        }

        public static Assignee supervisor(int levels, boolean allLevels) {
            return new Assignee(AssigneeKind.SUPERVISOR, null, null, levels, allLevels, null);
        }

        public static Assignee formField(String field) {
            return new Assignee(AssigneeKind.FORM_FIELD, null, null, null, null, field);
        }

        public static Assignee starterChooses() {
            return new Assignee(AssigneeKind.STARTER_CHOOSES, null, null, null, null, null);
        }

        public int effectiveLevels() {
            return levels == null ? 1 : levels;
        }
    }

    public enum AssigneeKind {
        @JsonProperty("users") USERS,
        @JsonProperty("group") GROUP,
        @JsonProperty("supervisor") SUPERVISOR,
        @JsonProperty("formField") FORM_FIELD,
        @JsonProperty("starterChooses") STARTER_CHOOSES
    }

    /** 依次 sequential, 会签 all, 或签 any one, 按比例 ratio of approvals (≥ {@code ratio} %). */
    public enum Method {
        @JsonProperty("sequential") SEQUENTIAL,
        @JsonProperty("all") ALL,
        @JsonProperty("any") ANY,
        @JsonProperty("ratio") RATIO
    }

    public record WhenEmpty(EmptyAction action, String user) {}

    public enum EmptyAction {
        @JsonProperty("autoApprove") AUTO_APPROVE,
        @JsonProperty("autoReject") AUTO_REJECT,
        @JsonProperty("toUser") TO_USER,
        @JsonProperty("toAdmins") TO_ADMINS
    }

    /** When the starter is among the approvers: they approve themselves, it counts as approved, or their supervisor takes it. */
    public enum WhenStarter {
        @JsonProperty("self") SELF,
        @JsonProperty("autoApprove") AUTO_APPROVE,
        @JsonProperty("toSupervisor") TO_SUPERVISOR
    }

    /** Remind every {@code remindEveryHours} up to {@code remindTimes} times, then {@code then} (after one more period). */
    public record Timeout(Integer remindEveryHours, Integer remindTimes, TimeoutAction then) {

        public int times() {
            return remindTimes == null ? 0 : remindTimes;
        }

        public TimeoutAction action() {
            return then == null ? TimeoutAction.NONE : then;
        }
    }

    public enum TimeoutAction {
        @JsonProperty("none") NONE,
        @JsonProperty("autoApprove") AUTO_APPROVE,
        @JsonProperty("autoReject") AUTO_REJECT
    }

    public enum Permission {
        @JsonProperty("read") READ,
        @JsonProperty("edit") EDIT,
        @JsonProperty("hidden") HIDDEN
    }

    /** A node with the defaults, for code and tests. */
    public static ApproverNode of(String id, String name, Assignee assignee, Method method) {
        return new ApproverNode(id, name, assignee, method, null, null, null, false, null, false, null);
    }

    public ApproverNode withRatio(int percent) {
        return new ApproverNode(id, name, assignee, method, percent, whenEmpty, whenStarter, skipIfApprovedBefore, timeout,
                commentRequired, fieldPermissions);
    }

    public ApproverNode withWhenEmpty(EmptyAction action, String user) {
        return new ApproverNode(id, name, assignee, method, ratio, new WhenEmpty(action, user), whenStarter,
                skipIfApprovedBefore, timeout, commentRequired, fieldPermissions);
    }

    public ApproverNode withWhenStarter(WhenStarter rule) {
        return new ApproverNode(id, name, assignee, method, ratio, whenEmpty, rule, skipIfApprovedBefore, timeout,
                commentRequired, fieldPermissions);
    }

    public ApproverNode withSkipIfApprovedBefore(boolean skip) {
        return new ApproverNode(id, name, assignee, method, ratio, whenEmpty, whenStarter, skip, timeout, commentRequired,
                fieldPermissions);
    }

    public ApproverNode withTimeout(int everyHours, int times, TimeoutAction then) {
        return new ApproverNode(id, name, assignee, method, ratio, whenEmpty, whenStarter, skipIfApprovedBefore,
                new Timeout(everyHours, times, then), commentRequired, fieldPermissions);
    }

    public ApproverNode withCommentRequired(boolean required) {
        return new ApproverNode(id, name, assignee, method, ratio, whenEmpty, whenStarter, skipIfApprovedBefore, timeout,
                required, fieldPermissions);
    }

    public ApproverNode withFieldPermissions(Map<String, Permission> permissions) {
        return new ApproverNode(id, name, assignee, method, ratio, whenEmpty, whenStarter, skipIfApprovedBefore, timeout,
                commentRequired, permissions);
    }
}
