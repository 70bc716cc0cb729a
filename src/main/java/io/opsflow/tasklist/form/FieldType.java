package io.opsflow.tasklist.form;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of input a form field can be; the JSON spells them in lower case. */
public enum FieldType {
    TEXT,
    TEXTAREA,
    NUMBER,
    DATE,
    SELECT,
    CHECKBOX,
    USER,
    FILE;

    @JsonCreator
    static FieldType fromJson(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
