package io.opsflow.approval.definition;

import io.opsflow.approval.model.SimpleModel;
import java.time.Instant;

/** A simple model being designed: {@code version} increases with every save (optimistic locking). */
public record Draft(String code, String name, int version, SimpleModel model, Integer publishedVersion, String updatedBy,
        Instant updatedAt) {}
