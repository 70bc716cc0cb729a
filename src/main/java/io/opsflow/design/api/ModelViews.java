package io.opsflow.design.api;

import io.opsflow.design.lint.DelegateCatalog;
import io.opsflow.design.lint.Problem;
import io.opsflow.design.model.DesignModel;
import io.opsflow.design.model.ImportReport;
import io.opsflow.design.model.ModelVersion;
import java.time.Instant;
import java.util.List;

/** Response bodies of the model API. */
final class ModelViews {

    private ModelViews() {}

    record Summary(String id, String name, String processKey, int latestVersion, String updatedBy, Instant updatedAt) {
        static Summary of(DesignModel model) {
            return new Summary(model.id(), model.name(), model.processKey(), model.latestVersion(), model.updatedBy(), model.updatedAt());
        }
    }

    record Model(String id, String name, String processKey, int version, int latestVersion, String savedBy, Instant savedAt, String xml) {
        static Model of(DesignModel model, ModelVersion version) {
            return new Model(model.id(), model.name(), model.processKey(), version.version(), model.latestVersion(), version.savedBy(),
                    version.savedAt(), version.xml());
        }
    }

    record Version(int version, String savedBy, Instant savedAt) {
        static Version of(ModelVersion version) {
            return new Version(version.version(), version.savedBy(), version.savedAt());
        }
    }

    record Imported(Summary model, ImportReport report) {}

    record Validation(boolean deployable, List<Problem> problems) {}

    record Catalogue(List<DelegateCatalog.Delegate> delegates, List<String> forms, List<String> groups) {}
}
