package io.camelupbit.session;

import io.camelupbit.event.StreamType;

/** Which part of a stream a subscriber wants: the snapshot sent on subscribe, the live stream, or both. */
public enum SnapshotMode {
    BOTH("both"),
    SNAPSHOT_ONLY("snapshotOnly"),
    REALTIME_ONLY("realtimeOnly");

    /** The option values, as written in a URI. */
    public static final String NAMES = "both,snapshotOnly,realtimeOnly";

    private final String optionName;

    SnapshotMode(String optionName) {
        this.optionName = optionName;
    }

    /** The value as written in a URI, e.g. {@code snapshotOnly}. */
    public String optionName() {
        return optionName;
    }

    /** The mode for a URI value, or {@code null} when there is none of that name. */
    public static SnapshotMode ofOptionName(String name) {
        for (SnapshotMode mode : values()) {
            if (mode.optionName.equals(name)) {
                return mode;
            }
        }
        return null;
    }

    /** Whether an event of this stream type is for a subscriber in this mode. */
    public boolean accepts(StreamType streamType) {
        return switch (this) {
            case BOTH -> true;
            case SNAPSHOT_ONLY -> streamType != StreamType.REALTIME;
            case REALTIME_ONLY -> streamType != StreamType.SNAPSHOT;
        };
    }

    /** The mode that serves subscribers in both modes (filtering per subscriber does the rest). */
    SnapshotMode merge(SnapshotMode other) {
        return this == other ? this : BOTH;
    }
}
