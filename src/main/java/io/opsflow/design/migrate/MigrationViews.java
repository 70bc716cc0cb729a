package io.opsflow.design.migrate;

import java.util.List;

/** What the migration API answers. */
public final class MigrationViews {

    private MigrationViews() {}

    /** The request of a preview or a start: versions of the key and mappings for renamed activities. */
    public record Request(Integer fromVersion, Integer toVersion, List<MigrationPlan.Mapping> mappings) {}

    /** A message of Flowable's migration validator and how many instances it was given for. */
    public record ValidatorMessage(String message, long instances) {}

    /**
     * What a batch migration would do. {@code blocking} means starting it is refused: some activity has
     * nowhere to go or Flowable's validator found a problem.
     */
    public record Preview(String processKey, int fromVersion, int toVersion, long instances, List<MigrationPlan.Move> moves,
            List<ValidatorMessage> validator, long instancesThatCannotMigrate, List<String> instancesThatCannotMigrateSample,
            boolean blocking, List<Activity> targetActivities) {}

    /** A flow node of the target version, offered as a mapping target. */
    public record Activity(String id, String name) {}

    /** A started batch. */
    public record Started(String batchId, long instances, Preview preview) {}

    /** One instance the batch could not migrate and Flowable's reason. */
    public record Failure(String processInstanceId, String reason) {}

    /** Progress of a batch: {@code done} once no part waits any more. */
    public record Progress(String batchId, String processKey, Integer fromVersion, Integer toVersion, long total, long migrated, long failed,
            long waiting, boolean done, List<Failure> failures) {}
}
