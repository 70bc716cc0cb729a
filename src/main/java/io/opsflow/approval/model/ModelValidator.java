package io.opsflow.approval.model;

import io.opsflow.approval.model.ApproverNode.AssigneeKind;
import io.opsflow.approval.model.ApproverNode.EmptyAction;
import io.opsflow.approval.model.ApproverNode.Method;
import io.opsflow.approval.model.ApproverNode.TimeoutAction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every rule of a simple model, checked before it is saved as publishable: identifiers, unique ids,
 * each node's settings, users and groups that exist, and conditions that name existing form fields
 * with values of the field's type. Problems name the node and the setting.
 */
public final class ModelValidator {

    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    static final Set<String> CONDITION_TYPES = Set.of("text", "textarea", "number", "select", "checkbox", "user");
    static final Set<String> RESERVED = Set.of("initiator", "approver", "execution", "task", "nrOfInstances",
            "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter", "true", "false", "null", "empty", "not", "and",
            "or", "div", "mod", "eq", "ne", "lt", "gt", "le", "ge", "instanceof");
    /** Suffixes of the BPMN elements generated around a node; a node id may not end with one. */
    public static final List<String> GENERATED_SUFFIXES = List.of("_resolve", "_decision", "_rejected", "_remindTimer",
            "_remind", "_reminded", "_timeoutTimer", "_timeout", "_timedOut", "_join", "_approvers", "_approved",
            "_result", "_auto", "_chosen");
    static final int MAX_NODES = 200;
    static final int MAX_DEPTH = 10;
    static final int MAX_VALUE_LENGTH = 500;

    private final Directory directory;

    public ModelValidator(Directory directory) {
        this.directory = directory;
    }

    /** The problems of the model; empty when it can be published. */
    public List<String> problems(SimpleModel model) {
        List<String> problems = new ArrayList<>();
        if (model.code() == null || model.code().length() > 50 || !CODE.matcher(model.code()).matches()) {
            problems.add("code must be kebab-case (a-z, 0-9 and '-'), at most 50 characters");
        }
        if (blank(model.name()) || model.name().length() > 200) {
            problems.add("name is required (at most 200 characters)");
        }
        checkForm(model.form(), problems);
        Walk walk = new Walk(model.form(), problems);
        walk.chain(model.nodes(), "the chain", 1);
        for (FormFieldSpec field : model.form().fields()) {
            walk.nodeIds.stream()
                    .filter(nodeId -> field.id() != null && field.id().startsWith(nodeId + "_"))
                    .findFirst()
                    .ifPresent(nodeId -> problems.add("form field '" + field.id() + "' starts with node id '" + nodeId
                            + "_' (reserved for the node's variables)"));
        }
        if (walk.approvers == 0) {
            problems.add("the chain needs at least one approver node");
        }
        return problems;
    }

    public void check(SimpleModel model) {
        List<String> problems = problems(model);
        if (!problems.isEmpty()) {
            throw new InvalidModelException(problems);
        }
    }

    private static void checkForm(ApprovalForm form, List<String> problems) {
        Set<String> ids = new HashSet<>();
        for (FormFieldSpec field : form.fields()) {
            String id = field.id();
            if (id == null || !IDENTIFIER.matcher(id).matches() || RESERVED.contains(id) || id.startsWith("approval")) {
                problems.add("form field '" + safe(id) + "': id must be letters and digits (starting with a letter),"
                        + " not a reserved word and not starting with 'approval'");
                continue;
            }
            if (!ids.add(id)) {
                problems.add("form field '" + id + "' appears twice");
            }
            if (field.type() == null || !FormFieldSpec.TYPES.contains(field.type())) {
                problems.add("form field '" + id + "': type must be one of " + String.join("/", new java.util.TreeSet<>(FormFieldSpec.TYPES)));
            } else if (field.type().equals("select") && (field.options() == null || field.options().isEmpty())) {
                problems.add("form field '" + id + "': a select needs at least one option");
            }
            if (field.label() != null && field.label().length() > 200) {
                problems.add("form field '" + id + "': label is longer than 200 characters");
            }
        }
    }

    private final class Walk {
        final ApprovalForm form;
        final List<String> problems;
        final Set<String> nodeIds = new HashSet<>();
        int count;
        int approvers;

        Walk(ApprovalForm form, List<String> problems) {
            this.form = form;
            this.problems = problems;
        }

        void chain(List<Node> nodes, String where, int depth) {
            if (depth > MAX_DEPTH) {
                problems.add(where + ": branches are nested deeper than " + MAX_DEPTH + " levels");
                return;
            }
            for (Node node : nodes) {
                if (node == null) {
                    problems.add(where + ": empty node");
                    continue;
                }
                if (++count > MAX_NODES) {
                    problems.add("the model has more than " + MAX_NODES + " nodes");
                    return;
                }
                if (node.id() == null || !IDENTIFIER.matcher(node.id()).matches() || RESERVED.contains(node.id())) {
                    problems.add(where + ": node id '" + safe(node.id()) + "' must be a letter then letters, digits or '_' (at most 40)");
                } else if (node.id().equals("starter")) {
                    problems.add(where + ": node id 'starter' is reserved for the starter's revise-and-resubmit step");
                } else if (node.id().startsWith("approval") || GENERATED_SUFFIXES.stream().anyMatch(node.id()::endsWith)) {
                    problems.add(where + ": node id '" + node.id() + "' may not start with 'approval' or end with a generated"
                            + " suffix such as _resolve or _join");
                } else if (!nodeIds.add(node.id())) {
                    problems.add("node id '" + node.id() + "' is used twice");
                } else if (form.field(node.id()).isPresent()) {
                    problems.add("node id '" + node.id() + "' is also a form field id");
                }
                if (node.name() != null && node.name().length() > 200) {
                    problems.add(label(node) + ": name is longer than 200 characters");
                }
                if (node instanceof ApproverNode a) {
                    approver(a);
                } else if (node instanceof CcNode c) {
                    cc(c);
                } else if (node instanceof ConditionNode c) {
                    condition(c, depth);
                } else if (node instanceof ParallelNode p) {
                    parallel(p, depth);
                }
            }
        }

        void approver(ApproverNode node) {
            approvers++;
            String at = label(node);
            var who = node.assignee();
            if (who == null || who.kind() == null) {
                problems.add(at + ": who approves is missing (assignee.kind)");
            } else {
                switch (who.kind()) {
                    case USERS -> users(at, "assignee.users", who.users(), true);
                    case GROUP -> group(at, "assignee.group", who.group());
                    case SUPERVISOR -> {
                        if (who.effectiveLevels() < 1 || who.effectiveLevels() > 10) {
                            problems.add(at + ": assignee.levels must be 1 to 10");
                        }
                    }
                    case FORM_FIELD -> userField(at, "assignee.field", who.field());
                    case STARTER_CHOOSES -> { }
                }
            }
            if (node.method() == Method.RATIO) {
                if (node.ratio() == null || node.ratio() < 1 || node.ratio() > 100) {
                    problems.add(at + ": ratio must be a percentage from 1 to 100 for method 'ratio'");
                }
            } else if (node.ratio() != null) {
                problems.add(at + ": ratio is only for method 'ratio'");
            }
            if (node.whenEmpty().action() == null) {
                problems.add(at + ": whenEmpty.action is missing");
            } else if (node.whenEmpty().action() == EmptyAction.TO_USER) {
                users(at, "whenEmpty.user", node.whenEmpty().user() == null ? List.of() : List.of(node.whenEmpty().user()), true);
            } else if (node.whenEmpty().user() != null) {
                problems.add(at + ": whenEmpty.user is only for action 'toUser'");
            }
            var timeout = node.timeout();
            if (timeout != null) {
                if (timeout.remindEveryHours() == null || timeout.remindEveryHours() < 1 || timeout.remindEveryHours() > 720) {
                    problems.add(at + ": timeout.remindEveryHours must be 1 to 720");
                }
                if (timeout.times() < 0 || timeout.times() > 20) {
                    problems.add(at + ": timeout.remindTimes must be 0 to 20");
                }
                if (timeout.times() == 0 && timeout.action() == TimeoutAction.NONE) {
                    problems.add(at + ": a timeout needs reminders or an automatic decision");
                }
            }
            node.fieldPermissions().forEach((field, permission) -> {
                if (form.field(field).isEmpty()) {
                    problems.add(at + ": field permission for missing form field '" + safe(field) + "'");
                } else if (permission == null) {
                    problems.add(at + ": field permission of '" + field + "' must be read, edit or hidden");
                }
            });
        }

        void cc(CcNode node) {
            String at = label(node);
            if (node.users().isEmpty() && node.groups().isEmpty() && node.formField() == null) {
                problems.add(at + ": a CC node needs users, groups or a form field");
            }
            users(at, "users", node.users(), false);
            node.groups().forEach(g -> group(at, "groups", g));
            if (node.formField() != null) {
                userField(at, "formField", node.formField());
            }
        }

        void condition(ConditionNode node, int depth) {
            String at = label(node);
            if (node.branches().isEmpty()) {
                problems.add(at + ": a condition node needs at least one branch with conditions");
            }
            if (node.defaultBranch() == null) {
                problems.add(at + ": a condition node needs a default branch (taken when no condition holds)");
            } else {
                if (!node.defaultBranch().conditions().isEmpty()) {
                    problems.add(at + ": the default branch has no conditions");
                }
                chain(node.defaultBranch().nodes(), at + " default branch", depth + 1);
            }
            for (int i = 0; i < node.branches().size(); i++) {
                Branch branch = node.branches().get(i);
                String where = at + " branch " + (i + 1) + (blank(branch.name()) ? "" : " '" + safe(branch.name()) + "'");
                if (branch.conditions().isEmpty()) {
                    problems.add(where + ": a branch needs at least one condition");
                }
                branch.conditions().forEach(c -> condition(where, c));
                chain(branch.nodes(), where, depth + 1);
            }
        }

        void condition(String where, Condition condition) {
            if (condition == null || condition.field() == null) {
                problems.add(where + ": a condition needs a field");
                return;
            }
            var field = form.field(condition.field());
            if (field.isEmpty()) {
                problems.add(where + ": condition on missing form field '" + safe(condition.field()) + "'");
                return;
            }
            String type = field.get().type();
            if (!CONDITION_TYPES.contains(type)) {
                problems.add(where + ": form field '" + condition.field() + "' of type " + type + " cannot be used in a condition");
                return;
            }
            if (condition.operator() == null) {
                problems.add(where + ": condition on '" + condition.field() + "' needs an operator (eq, ne, gt, ge, lt, le)");
                return;
            }
            if (condition.operator().isOrdering() && !type.equals("number")) {
                problems.add(where + ": operator " + condition.operator().jsonName() + " needs a number field, '"
                        + condition.field() + "' is " + type);
            }
            String value = condition.value();
            if (value == null) {
                problems.add(where + ": condition on '" + condition.field() + "' needs a value");
                return;
            }
            switch (type) {
                case "number" -> {
                    try {
                        new BigDecimal(value.trim());
                    } catch (NumberFormatException e) {
                        problems.add(where + ": value of '" + condition.field() + "' must be a number");
                    }
                }
                case "checkbox" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        problems.add(where + ": value of '" + condition.field() + "' must be true or false");
                    }
                }
                case "select" -> {
                    if (field.get().options() == null || field.get().options().stream().noneMatch(o -> value.equals(o.value()))) {
                        problems.add(where + ": value of '" + condition.field() + "' is not one of its options");
                    }
                }
                default -> {
                    if (value.length() > MAX_VALUE_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
                        problems.add(where + ": value of '" + condition.field() + "' must be at most " + MAX_VALUE_LENGTH
                                + " characters without control characters");
                    }
                }
            }
        }

        void parallel(ParallelNode node, int depth) {
            String at = label(node);
            if (node.branches().size() < 2) {
                problems.add(at + ": a parallel node needs at least two branches");
            }
            for (int i = 0; i < node.branches().size(); i++) {
                Branch branch = node.branches().get(i);
                String where = at + " branch " + (i + 1);
                if (!branch.conditions().isEmpty()) {
                    problems.add(where + ": parallel branches have no conditions");
                }
                chain(branch.nodes(), where, depth + 1);
            }
        }

        void users(String at, String setting, List<String> users, boolean required) {
            if (required && users.isEmpty()) {
                problems.add(at + ": " + setting + " needs at least one user");
            }
            for (String user : users) {
                if (blank(user) || !directory.userExists(user)) {
                    problems.add(at + ": " + setting + " names unknown user '" + safe(user) + "'");
                }
            }
        }

        void group(String at, String setting, String group) {
            if (blank(group) || !directory.groupExists(group)) {
                problems.add(at + ": " + setting + " names unknown group '" + safe(group) + "'");
            }
        }

        void userField(String at, String setting, String fieldId) {
            var field = form.field(fieldId);
            if (field.isEmpty()) {
                problems.add(at + ": " + setting + " names missing form field '" + safe(fieldId) + "'");
            } else if (!field.get().type().equals("user") && !field.get().type().equals("text")) {
                problems.add(at + ": " + setting + " '" + fieldId + "' must be a user (or text) field");
            }
        }
    }

    static String label(Node node) {
        return "node '" + safe(node.id()) + "'";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Echoed names are cut and stripped of control characters (they come from the request). */
    static String safe(String s) {
        if (s == null) {
            return "";
        }
        String cleaned = s.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) + "…" : cleaned;
    }
}
