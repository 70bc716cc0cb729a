package io.opsflow.tasklist.form;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Which fields {@code visibleWhen} hides for the given values: a field is shown while its earlier
 * controlling field is shown and has the value named. Checkboxes count as {@code true} or {@code false}.
 * The server uses it on submit (a hidden field is neither required nor written), the page on drawing.
 */
public final class Visibility {

    private Visibility() {}

    public static Set<String> hidden(FormDefinition form, Function<String, String> rawValue) {
        Set<String> hidden = new HashSet<>();
        for (FormField field : form.fields()) {
            var when = field.visibleWhen();
            if (when == null || when.field() == null) {
                continue;
            }
            var controller = form.field(when.field());
            if (controller.isEmpty() || hidden.contains(when.field())
                    || !value(controller.get(), rawValue.apply(when.field())).equals(normal(controller.get(), when.equals()))) {
                hidden.add(field.id());
            }
        }
        return hidden;
    }

    private static String value(FormField controller, String raw) {
        String v = raw == null ? "" : raw.strip();
        if (controller.type() == FieldType.CHECKBOX) {
            return Set.of("true", "on", "yes", "1").contains(v.toLowerCase(Locale.ROOT)) ? "true" : "false";
        }
        return v;
    }

    private static String normal(FormField controller, String equals) {
        return value(controller, equals);
    }
}
