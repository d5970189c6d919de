package io.github.camelnavixy.protocol;

import io.github.camelnavixy.model.IotLastValues;
import io.github.camelnavixy.model.LifecycleChange;
import io.github.camelnavixy.model.TrackerReadings;
import io.github.camelnavixy.model.TrackerState;

/** The kinds of item an event's {@code data} can hold, with the item {@code type} names that announce them. */
enum ItemKind {
    STATE(TrackerState.class, "source_state_event"),
    READINGS(TrackerReadings.class, "readings_event"),
    LIFECYCLE(LifecycleChange.class, "lifecycle_event"),
    IOT(IotLastValues.class, null);

    final Class<?> type;
    final String itemType;

    ItemKind(Class<?> type, String itemType) {
        this.type = type;
        this.itemType = itemType;
    }

    /** The kind an item's own {@code type} names; {@link BadFrame} for a type this client does not know. */
    static ItemKind ofItemType(String itemType) {
        if (itemType != null) {
            switch (itemType) {
                case "source_state_event":
                    return STATE;
                case "readings_event":
                    return READINGS;
                case "lifecycle_event":
                    return LIFECYCLE;
                default:
                    break;
            }
        }
        throw new BadFrame("unknown batch item type '" + itemType + "'");
    }
}
