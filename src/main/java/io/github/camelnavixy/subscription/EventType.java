package io.github.camelnavixy.subscription;

import java.util.Locale;

/**
 * The event types a client subscribes to. {@code lifecycle} and {@code logout} are not here: the server sends them
 * without being asked.
 */
public enum EventType {
    STATE("state"),
    STATE_BATCH("state_batch"),
    READINGS_BATCH("readings_batch"),
    IOT_MONITOR("iot_monitor");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in requests, responses and the endpoint path. */
    public String wireName() {
        return wireName;
    }

    /** Whether the request for this type addresses trackers with a {@code target} (all others use {@code trackers}). */
    public boolean usesTarget() {
        return this != STATE;
    }

    /** Whether the server batches this type, so {@code rate_limit} applies. */
    public boolean batched() {
        return this != STATE;
    }

    /** The type with this wire name, or {@code null}. */
    public static EventType fromWireName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (EventType type : values()) {
            if (type.wireName.equals(wanted)) {
                return type;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
