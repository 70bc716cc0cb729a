package io.opsflow.approval.model;

import io.opsflow.approval.ApprovalConventions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the start values an API caller sends as JSON (text, numbers, true/false) against the approval's
 * form with exactly the web start form's rules ({@link StartFormValues}): each value is read as the text
 * it would be typed as, so {@code 2500} and {@code "2500"} both start as the number 2500. On top, what only
 * a caller of the API can get wrong is refused per name: a name that is no field of the form (a typo), a
 * value for a read-only or file field, a list or object, a checkbox that is not true/false. The one
 * name besides the fields is {@code <nodeId>_chosen} of a node whose approvers the starter chooses.
 */
public final class JsonStartValues {

    private static final int SHOWN_NAME = 64;

    private JsonStartValues() {}

    public static StartFormValues.Result read(SimpleModel model, Map<String, ?> sent, Directory directory) {
        ApprovalForm form = model.form();
        Map<String, ?> given = sent == null ? Map.of() : sent;
        Set<String> chosenNames = chosenNames(model.nodes());
        Map<String, String> asTyped = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        Map<String, Object> chosen = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            FormFieldSpec field = form.field(name).orElse(null);
            if (field == null && chosenNames.contains(name)) {
                chosenUsers(value, directory, name, chosen, refused);
            } else if (field == null) {
                refused.put(shown(name), "This approval's form has no field " + shown(name) + ".");
            } else {
                String problem = shapeProblem(field, value);
                if (problem != null) {
                    refused.put(name, problem);
                } else if (value != null) {
                    asTyped.put(name, String.valueOf(value));
                }
            }
        });
        StartFormValues.Result read = StartFormValues.read(form, asTyped, directory, true);
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormFieldSpec field : form.fields()) {
            String problem = refused.containsKey(field.id()) ? refused.get(field.id()) : read.errors().get(field.id());
            if (problem != null) {
                errors.put(field.id(), problem);
            }
        }
        refused.forEach(errors::putIfAbsent);
        Map<String, Object> values = new LinkedHashMap<>(read.values());
        values.putAll(chosen);
        return new StartFormValues.Result(Collections.unmodifiableMap(values), read.entered(), Collections.unmodifiableMap(errors));
    }

    private static String shapeProblem(FormFieldSpec field, Object value) {
        String type = field.type() == null ? "text" : field.type();
        if (type.equals("file")) {
            return "Files are not sent at start: attach them on the approval after starting it.";
        }
        if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            return "Send one value: text, a number or true/false.";
        }
        String fixed = field.defaultValue() == null ? "" : field.defaultValue().strip();
        if (Boolean.TRUE.equals(field.readOnly()) && value != null && !String.valueOf(value).strip().equals(fixed)) {
            return "This field is read-only and starts with its default; leave it out.";
        }
        if (type.equals("checkbox") && value != null && !(value instanceof Boolean)
                && !"true".equals(value) && !"false".equals(value)) {
            return "Send true or false.";
        }
        return null;
    }

    private static void chosenUsers(Object value, Directory directory, String name, Map<String, Object> chosen,
            Map<String, String> refused) {
        List<Object> items = value instanceof Collection<?> list ? new ArrayList<>(list)
                : value instanceof String text ? List.of((Object[]) text.split("[,\\s]+")) : null;
        if (items == null || items.stream().anyMatch(i -> !(i instanceof String))) {
            refused.put(name, "Send the chosen approvers' user ids as a list of text.");
            return;
        }
        Set<String> users = new LinkedHashSet<>();
        for (Object item : items) {
            String user = ((String) item).strip();
            if (user.isEmpty()) {
                continue;
            }
            if (user.length() > SHOWN_NAME || !directory.userExists(user)) {
                refused.put(name, "There is no user " + shown(user) + ".");
                return;
            }
            users.add(user);
        }
        if (users.isEmpty()) {
            refused.put(name, "Choose at least one approver.");
            return;
        }
        chosen.put(name, String.join(",", users));
    }

    /** {@code <nodeId>_chosen} of every approver node, in branches too, whose approvers the starter chooses. */
    static Set<String> chosenNames(List<Node> nodes) {
        Set<String> names = new LinkedHashSet<>();
        for (Node node : nodes) {
            if (node instanceof ApproverNode approver && approver.assignee() != null
                    && approver.assignee().kind() == ApproverNode.AssigneeKind.STARTER_CHOOSES) {
                names.add(ApprovalConventions.chosen(approver.id()));
            } else if (node instanceof ConditionNode condition) {
                condition.branches().forEach(b -> names.addAll(chosenNames(b.nodes())));
                if (condition.defaultBranch() != null) {
                    names.addAll(chosenNames(condition.defaultBranch().nodes()));
                }
            } else if (node instanceof ParallelNode parallel) {
                parallel.branches().forEach(b -> names.addAll(chosenNames(b.nodes())));
            }
        }
        return names;
    }

    private static String shown(String name) {
        if (name == null) {
            return "(empty)";
        }
        return name.length() > SHOWN_NAME ? name.substring(0, SHOWN_NAME) + "…" : name;
    }
}
