package io.camelupbit.event;

/** Whether an event is the state at subscription time or part of the live stream. */
public enum StreamType {
    SNAPSHOT,
    REALTIME,
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN;

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static StreamType of(String text) {
        return switch (text) {
            case "SNAPSHOT" -> SNAPSHOT;
            case "REALTIME" -> REALTIME;
            default -> UNKNOWN;
        };
    }
}
