package io.opsflow.engine;

import io.opsflow.platform.CurrentUser;
import java.util.Collection;
import java.util.Optional;
import org.flowable.engine.repository.ProcessDefinition;

/**
 * A module's say over {@code /process-api} writes to the variables of a running instance of one of its processes
 * (instance, execution and task variables, and the variables sent with a task completion), run by the engine's REST
 * access interceptor after its own access rule and before anything is written. A refusal answers 403 with its text.
 */
public interface RunningVariablesCheck {

    /**
     * @param names the variables the request writes or deletes
     * @return why the write is refused (shown to the caller); empty when this check lets it through or the
     *         definition is not this check's
     */
    Optional<String> refuse(ProcessDefinition definition, CurrentUser user, Collection<String> names);
}
