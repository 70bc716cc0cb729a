package io.opsflow.tasklist.task;

import io.opsflow.platform.CurrentUser;
import io.opsflow.tasklist.form.FormInput;
import io.opsflow.tasklist.form.FormValidator;
import io.opsflow.tasklist.form.ValidatedForm;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Starting a process from its start form, recorded as started by the caller. */
@Component
public class ProcessStarter {

    public record Started(ValidatedForm form, String processInstanceId) {}

    private final ProcessCatalog catalog;
    private final TaskForms forms;
    private final FormValidator validator;
    private final RuntimeService runtimeService;

    ProcessStarter(ProcessCatalog catalog, TaskForms forms, FormValidator validator, RuntimeService runtimeService) {
        this.catalog = catalog;
        this.forms = forms;
        this.validator = validator;
        this.runtimeService = runtimeService;
    }

    public ProcessView process(CurrentUser user, String key) {
        return catalog.toView(catalog.startableDefinition(user, key));
    }

    public FormState startForm(CurrentUser user, String key) {
        var view = process(user, key);
        var form = forms.definition(view.startFormKey(), view.name());
        return new FormState(form, TaskForms.values(form, Map.of()));
    }

    /** Starts the instance when the form is valid; start forms take no files. */
    @Transactional
    public Started start(CurrentUser user, String key, FormInput input) {
        var definition = catalog.startableDefinition(user, key);
        var view = catalog.toView(definition);
        var result = validator.validate(forms.definition(view.startFormKey(), view.name()), input);
        if (!result.valid()) {
            return new Started(result, null);
        }
        var instance = AuthenticatedAs.call(user.id(), () -> runtimeService.createProcessInstanceBuilder()
                .processDefinitionId(definition.getId())
                .variables(result.variables())
                .start());
        return new Started(result, instance.getId());
    }
}
