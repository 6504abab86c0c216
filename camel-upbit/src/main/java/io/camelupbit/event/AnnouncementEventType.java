package io.camelupbit.event;

/** What happened to a notice. */
public enum AnnouncementEventType {
    /** A new notice was posted. */
    CREATED,
    /** A posted notice was changed. */
    UPDATED,
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN;

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static AnnouncementEventType of(String text) {
        return switch (text) {
            case "CREATED" -> CREATED;
            case "UPDATED" -> UPDATED;
            default -> UNKNOWN;
        };
    }
}
