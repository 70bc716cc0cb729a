package io.opsflow.platform;

/**
 * Whether a staff member is working at a given moment by their weekly hours in their time zone, in
 * the order assignment prefers them (decision 59): on shift, then no hours recorded, then off shift.
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

    /** The value of the {@code shift} column of {@link StaffSkills#candidatesAt}: 0, 1 or 2. */
    public static Shift ofCode(int code) {
        return values()[code];
    }
}
