package io.opsflow.tasklist.form;

/** A save based on a version that is no longer the latest: someone else saved first. */
public class StaleFormException extends RuntimeException {

    private final int baseVersion;
    private final int currentVersion;

    public StaleFormException(int baseVersion, int currentVersion) {
        super("Someone saved version " + currentVersion + " after the version " + baseVersion
                + " you edited. Reload to see their change, then make yours again.");
        this.baseVersion = baseVersion;
        this.currentVersion = currentVersion;
    }

    public int baseVersion() {
        return baseVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
