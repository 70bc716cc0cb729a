package io.opsflow.design.migrate;

/** A start refused because the preview has blocking problems; nothing was migrated. */
class BlockedMigrationException extends RuntimeException {

    private final transient MigrationViews.Preview preview;

    BlockedMigrationException(MigrationViews.Preview preview) {
        super("The migration has blocking problems; nothing was migrated. Map the activities that cannot move and preview again.");
        this.preview = preview;
    }

    MigrationViews.Preview preview() {
        return preview;
    }
}
