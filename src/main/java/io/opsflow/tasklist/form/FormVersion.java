package io.opsflow.tasklist.form;

import java.time.Instant;

/** One stored version of a form; {@code json} is empty in lists. */
public record FormVersion(String key, int version, String json, String comment, String createdBy, Instant createdAt) {}
