package io.opsflow.tasklist.task;

import io.opsflow.platform.CurrentUser;
import io.opsflow.tasklist.form.FieldType;
import io.opsflow.tasklist.form.FormDefinition;
import io.opsflow.tasklist.form.FormDefinitions;
import io.opsflow.tasklist.form.FormField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.springframework.stereotype.Component;

/** The form of a task (from its {@code flowable:formKey}) filled with what the process knows so far. */
@Component
public class TaskForms {

    private final TaskService taskService;
    private final TaskFinder finder;
    private final FormDefinitions forms;

    TaskForms(TaskService taskService, TaskFinder finder, FormDefinitions forms) {
        this.taskService = taskService;
        this.finder = finder;
        this.forms = forms;
    }

    public FormState forTask(CurrentUser user, String taskId) {
        var task = finder.visible(user, taskId);
        FormDefinition form = definition(task.getFormKey(), task.getName());
        var ids = form.fields().stream().filter(f -> f.type() != FieldType.FILE).map(FormField::id).toList();
        Map<String, Object> variables = ids.isEmpty() ? Map.of() : taskService.getVariables(taskId, ids);
        return new FormState(form, values(form, variables));
    }

    /** The feature page where this task is done, when its form names one ({@code page}) and the variables are there. */
    public java.util.Optional<String> page(CurrentUser user, String taskId) {
        var task = finder.visible(user, taskId);
        FormDefinition form = definition(task.getFormKey(), task.getName());
        if (form.page() == null) {
            return java.util.Optional.empty();
        }
        var names = io.opsflow.tasklist.form.FormPages.variables(form.page());
        return io.opsflow.tasklist.form.FormPages.resolve(form.page(), names.isEmpty() ? Map.of() : taskService.getVariables(taskId, names));
    }

    FormDefinition definition(String formKey, String title) {
        return formKey == null || formKey.isBlank() ? new FormDefinition("", title, List.of()) : forms.get(formKey);
    }

    static Map<String, String> values(FormDefinition form, Map<String, Object> variables) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            Object current = variables.get(field.id());
            if (current != null) {
                values.put(field.id(), VariableText.of(current));
            } else if (field.defaultValue() != null && !field.readOnly()) {
                values.put(field.id(), field.defaultValue());
            }
        }
        return values;
    }
}
