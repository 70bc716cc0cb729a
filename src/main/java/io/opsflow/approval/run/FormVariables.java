package io.opsflow.approval.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the form values a starter sends: plain field names and plain values only, and never a name
 * the approval machinery itself uses (approver lists, counters, results), so a starter cannot pick
 * their own approvers or forge an outcome.
 */
final class FormVariables {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final int MAX_TEXT = 4000;

    private FormVariables() {}

    static Map<String, Object> check(Map<String, ?> form) {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (form == null) {
            return variables;
        }
        form.forEach((name, value) -> {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidApprovalInput("Form field names are letters, digits and _ (at most 64): " + safe(name) + ".");
            }
            if (reserved(name)) {
                throw new InvalidApprovalInput("The form may not set " + name + ": the approval sets it itself.");
            }
            if (value == null) {
                return;
            }
            if (value instanceof String text) {
                if (text.length() > MAX_TEXT) {
                    throw new InvalidApprovalInput("The value of " + name + " is too long (at most " + MAX_TEXT + " characters).");
                }
                variables.put(name, text);
            } else if (value instanceof Number || value instanceof Boolean) {
                variables.put(name, value);
            } else {
                throw new InvalidApprovalInput("The value of " + name + " must be text, a number or true/false.");
            }
        });
        return variables;
    }

    static boolean reserved(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("approval") || lower.startsWith("nrof") || lower.equals("loopcounter") || lower.equals("approver")
                || lower.equals("initiator") || lower.endsWith("_approvers") || lower.endsWith("_approved") || lower.endsWith("_rejected")
                || lower.endsWith("_result") || lower.endsWith("_auto");
    }

    private static String safe(String name) {
        if (name == null) {
            return "(empty)";
        }
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }
}
