package io.opsflow.design.model;

import java.time.Instant;

/** A model in the studio: its name, the process key it defines and the number of its latest saved version. */
public record DesignModel(String id, String name, String processKey, int latestVersion, String createdBy, Instant createdAt,
        String updatedBy, Instant updatedAt) {}
