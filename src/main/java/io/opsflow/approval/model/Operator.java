package io.opsflow.approval.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Comparison of a condition; numbers take all of them, other fields only {@code eq} and {@code ne}. */
public enum Operator {
    EQ("=="),
    NE("!="),
    GT(">"),
    GE(">="),
    LT("<"),
    LE("<=");

    private final String juel;

    Operator(String juel) {
        this.juel = juel;
    }

    public String juel() {
        return juel;
    }

    public boolean isOrdering() {
        return this != EQ && this != NE;
    }

    @JsonCreator
    static Operator fromJson(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
