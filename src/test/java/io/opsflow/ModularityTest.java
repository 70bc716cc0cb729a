package io.opsflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Every direct sub-package of {@code io.opsflow} is a module; a module may use only the top-level
 * package (public API) of another and never its sub-packages, and there are no cycles.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(OpsflowApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
