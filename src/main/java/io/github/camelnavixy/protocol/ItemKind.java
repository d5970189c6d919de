package io.github.camelnavixy.protocol;

import io.github.camelnavixy.model.IotLastValues;
import io.github.camelnavixy.model.LifecycleChange;
import io.github.camelnavixy.model.TrackerReadings;
import io.github.camelnavixy.model.TrackerState;

/** The kinds of item an event's {@code data} can hold. */
enum ItemKind {
    STATE(TrackerState.class),
    READINGS(TrackerReadings.class),
    LIFECYCLE(LifecycleChange.class),
    IOT(IotLastValues.class);

    final Class<?> type;

    ItemKind(Class<?> type) {
        this.type = type;
    }

    /** The kind an item's own {@code type} names; {@code null} for a type this client does not know. */
    static ItemKind ofItemType(String itemType) {
        if (itemType == null) {
            return null;
        }
        return switch (itemType) {
            case "source_state_event" -> STATE;
            case "readings_event" -> READINGS;
            case "lifecycle_event" -> LIFECYCLE;
            default -> null;
        };
    }
}
