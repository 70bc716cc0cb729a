package io.opsflow.design.model;

/** An attribute or extension element of another engine's namespace that Flowable ignores, and what to use instead. */
public record ForeignAttribute(String elementId, String name, String message) {}
