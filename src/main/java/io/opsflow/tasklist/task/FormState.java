package io.opsflow.tasklist.task;

import io.opsflow.tasklist.form.FormDefinition;
import java.util.Map;

/** A form and the text to show in each field: current variable values, else the field defaults. */
public record FormState(FormDefinition definition, Map<String, String> values) {}
