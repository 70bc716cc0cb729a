package io.opsflow.engine;

import java.util.Map;
import java.util.Optional;
import org.flowable.engine.repository.ProcessDefinition;

/**
 * A module's check of the variables a {@code /process-api} start sends for one of its processes (an
 * approval's form, say), run by the engine's REST access interceptor after the start permission and before
 * the instance starts. An exception thrown here answers the request and starts nothing.
 */
public interface StartVariablesCheck {

    /**
     * @param sent the variables as the request typed them
     * @return the variables to start with instead of {@code sent}; empty when the definition is not this check's
     */
    Optional<Map<String, Object>> check(ProcessDefinition definition, Map<String, Object> sent);
}
