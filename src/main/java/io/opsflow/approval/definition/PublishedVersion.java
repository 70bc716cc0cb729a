package io.opsflow.approval.definition;

import java.time.Instant;

/** One published version of an approval: its deployment and process definition. */
public record PublishedVersion(String code, int version, String processDefinitionKey, String processDefinitionId,
        String deploymentId, String publishedBy, Instant publishedAt) {}
