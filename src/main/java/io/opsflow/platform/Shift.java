package io.opsflow.platform;

/**
 * Whether a staff member works at a given moment by their weekly hours in their time zone. Assignment
 * puts those on shift first; off shift and without hours rank after them alike (decision 59).
 */
public enum Shift {
    ON_SHIFT("on shift"),
    NO_HOURS("no working hours recorded"),
    OFF_SHIFT("off shift");

    private final String text;

    Shift(String text) {
        this.text = text;
    }

    /** What supervisors read in the ranking, e.g. "off shift". */
    public String text() {
        return text;
    }

    public static Shift of(boolean onShift, boolean hasHours) {
        return onShift ? ON_SHIFT : hasHours ? OFF_SHIFT : NO_HOURS;
    }
}
