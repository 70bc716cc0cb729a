package io.opsflow.approval.model;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The same conditions evaluated in Java on form values, for predicting the path before an approval
 * is started. Follows the generated JUEL: a missing value is null, numbers compare as numbers (null
 * as 0 like JUEL), other fields compare as text.
 */
public final class ConditionEvaluator {

    private ConditionEvaluator() {}

    public static boolean holds(List<Condition> conditions, ApprovalForm form, Map<String, ?> values) {
        return conditions.stream().allMatch(c -> holds(c, form, values));
    }

    static boolean holds(Condition condition, ApprovalForm form, Map<String, ?> values) {
        String type = form.field(condition.field()).map(FormFieldSpec::type).orElse("text");
        Object actual = values.get(condition.field());
        if (actual instanceof Collection<?> many && many.size() == 1) {
            actual = many.iterator().next();
        }
        return switch (type) {
            case "number" -> compare(number(actual), new BigDecimal(condition.value().trim()), condition.operator());
            case "checkbox" -> {
                boolean equal = truthy(actual) == Boolean.parseBoolean(condition.value());
                yield condition.operator() == Operator.NE ? !equal : equal;
            }
            default -> {
                boolean equal = actual != null && String.valueOf(actual).equals(condition.value());
                yield condition.operator() == Operator.NE ? !equal : equal;
            }
        };
    }

    private static boolean compare(BigDecimal actual, BigDecimal expected, Operator operator) {
        int c = actual.compareTo(expected);
        return switch (operator) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case LT -> c < 0;
            case LE -> c <= 0;
        };
    }

    private static BigDecimal number(Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String s = value == null ? "" : String.valueOf(value).trim().toLowerCase(java.util.Locale.ROOT);
        return s.equals("true") || s.equals("on") || s.equals("yes") || s.equals("1");
    }
}
