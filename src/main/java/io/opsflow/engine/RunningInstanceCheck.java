package io.opsflow.engine;

import io.opsflow.platform.CurrentUser;
import java.util.Collection;
import java.util.Optional;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.task.api.Task;

/**
 * A module's say over {@code /process-api} writes to a running instance of one of its processes, run by the engine's
 * REST access interceptor after its own access rule and before anything is written. A refusal answers 403 with its
 * text.
 */
public interface RunningInstanceCheck {

    /**
     * Writes to the instance's variables: instance, execution and task variables, and the variables sent with a task
     * completion or a submitted task form.
     *
     * @param names the variables the request writes or deletes
     * @return why the write is refused (shown to the caller); empty when this check lets it through or the
     *         definition is not this check's
     */
    Optional<String> refuseVariables(ProcessDefinition definition, CurrentUser user, Collection<String> names);

    /**
     * Completing one of the instance's tasks (the task action {@code complete}, or its task form submitted).
     *
     * @return why it is refused (shown to the caller); empty when this check lets it through
     */
    default Optional<String> refuseCompletion(ProcessDefinition definition, Task task, CurrentUser user) {
        return Optional.empty();
    }
}
