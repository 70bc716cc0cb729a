package io.opsflow.approval.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JUEL condition expressions built from validated conditions, never from user text: the field name
 * is a checked identifier passed as a quoted literal to {@code execution.getVariable}, the operator
 * comes from a fixed table and the value is a typed literal (a number, true/false, or a string
 * literal with quotes and backslashes escaped). A missing optional field reads as null.
 */
public final class ConditionExpressions {

    private ConditionExpressions() {}

    public static String of(List<Condition> conditions, ApprovalForm form) {
        return conditions.stream().map(c -> term(c, form)).collect(Collectors.joining(" && ", "${", "}"));
    }

    static String term(Condition condition, ApprovalForm form) {
        String field = condition.field();
        if (field == null || !ModelValidator.IDENTIFIER.matcher(field).matches()) {
            throw new InvalidModelException("condition field '" + ModelValidator.safe(field) + "' is not an identifier");
        }
        String type = form.field(field)
                .orElseThrow(() -> new InvalidModelException("condition on missing form field '" + field + "'"))
                .type();
        String variable = "execution.getVariable('" + field + "')";
        String literal = switch (type) {
            case "number" -> new BigDecimal(condition.value().trim()).toPlainString();
            case "checkbox" -> Boolean.toString(Boolean.parseBoolean(condition.value()));
            default -> stringLiteral(condition.value());
        };
        return "(" + variable + " " + condition.operator().juel() + " " + literal + ")";
    }

    /** A JUEL string literal: single quotes, with backslash and both quote characters escaped. */
    public static String stringLiteral(String value) {
        StringBuilder out = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '\'' || c == '"') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('\'').toString();
    }
}
