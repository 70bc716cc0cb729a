package io.opsflow.design.model;

import java.time.Instant;

/** A save based on a version that is no longer the latest: someone else saved meanwhile (answered 409 with what changed). */
public class ModelChangedException extends RuntimeException {

    private final int baseVersion;
    private final ModelVersion current;
    private final ModelDiff.Changes changes;

    public ModelChangedException(int baseVersion, ModelVersion current, ModelDiff.Changes changes) {
        super("The model was saved by " + current.savedBy() + " as version " + current.version()
                + " after you opened version " + baseVersion + "; reload it, or compare and save again.");
        this.baseVersion = baseVersion;
        this.current = current;
        this.changes = changes;
    }

    public int baseVersion() {
        return baseVersion;
    }

    public int currentVersion() {
        return current.version();
    }

    public String changedBy() {
        return current.savedBy();
    }

    public Instant changedAt() {
        return current.savedAt();
    }

    public ModelDiff.Changes changes() {
        return changes;
    }
}
