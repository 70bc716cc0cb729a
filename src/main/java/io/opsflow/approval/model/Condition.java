package io.opsflow.approval.model;

/** {@code field operator value} on a form field, e.g. {@code amount gt 1000}; the value is typed by the field. */
public record Condition(String field, Operator operator, String value) {}
