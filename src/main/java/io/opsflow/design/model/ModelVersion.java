package io.opsflow.design.model;

import java.time.Instant;

/** One saved version of a model: the BPMN XML exactly as it was saved. */
public record ModelVersion(String modelId, int version, String xml, String savedBy, Instant savedAt) {}
