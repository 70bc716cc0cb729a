package io.opsflow.fault;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the rig once for the whole fault suite and hands it to every test; it is closed (nodes
 * killed, database dropped) when the test run ends, also after failures.
 */
final class FaultSuite implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Rig.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(FaultSuite.class))
                .getOrComputeIfAbsent("rig", key -> Rig.start(), Rig.class);
    }
}
