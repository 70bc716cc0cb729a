package io.opsflow.tasklist.web;

import io.opsflow.tasklist.FieldView;
import io.opsflow.tasklist.form.FieldType;
import io.opsflow.tasklist.form.FormDefinition;
import io.opsflow.tasklist.form.FormField;
import io.opsflow.tasklist.form.Visibility;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Turns a form definition plus values and errors into field views; user pickers list their group. */
@Component
class FieldViews {

    private static final int MAX_PICKER_USERS = 200;

    private final IdentityService identityService;

    FieldViews(IdentityService identityService) {
        this.identityService = identityService;
    }

    List<FieldView> of(FormDefinition form, Map<String, String> values, Map<String, String> errors) {
        var hidden = Visibility.hidden(form, values::get);
        return form.fields().stream().map(f -> view(f, values.get(f.id()), errors.get(f.id()), hidden.contains(f.id()))).toList();
    }

    private FieldView view(FormField field, String value, String error, boolean hidden) {
        var when = field.visibleWhen();
        return new FieldView(field.id(), field.displayLabel(), field.type().jsonName(), field.required(), field.readOnly(),
                value == null ? "" : value, error, choices(field), String.join(",", field.accept()),
                field.effectiveMaxFiles() > 1, text(field.min()), text(field.max()), field.step() == null ? "any" : text(field.step()),
                field.type() == FieldType.TEXT || field.type() == FieldType.TEXTAREA ? field.effectiveMaxLength() : null,
                field.pattern(), field.half(), field.section(), when == null ? null : when.field(), when == null ? null : when.equals(), hidden);
    }

    private List<FieldView.Choice> choices(FormField field) {
        if (field.type() == FieldType.SELECT) {
            return field.options().stream().map(o -> new FieldView.Choice(o.value(), o.label() == null ? o.value() : o.label())).toList();
        }
        if (field.type() == FieldType.USER && field.group() != null && !field.readOnly()) {
            return identityService.createUserQuery().memberOfGroup(field.group()).orderByUserId().asc()
                    .listPage(0, MAX_PICKER_USERS).stream()
                    .map(u -> new FieldView.Choice(u.getId(), displayName(u.getId(), u.getFirstName(), u.getLastName())))
                    .toList();
        }
        return List.of();
    }

    private static String displayName(String id, String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? id : name + " (" + id + ")";
    }

    private static String text(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }
}
