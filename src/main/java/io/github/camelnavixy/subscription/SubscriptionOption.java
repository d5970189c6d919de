package io.github.camelnavixy.subscription;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The subscription options that only some event types take. One table serves both rules: such an option on a URI
 * whose types do not take it is refused, while the same option set on the component (a default for every endpoint)
 * is simply not applied to those endpoints.
 */
public enum SubscriptionOption {
    RATE_LIMIT("rateLimit", EnumSet.of(EventType.STATE_BATCH, EventType.READINGS_BATCH, EventType.IOT_MONITOR),
            "remove rateLimit, or subscribe to state_batch instead of state"),
    FORMAT("format", EnumSet.of(EventType.STATE, EventType.STATE_BATCH),
            "remove format, or add state_batch to the event types"),
    SENSOR_TYPE("sensorType", EnumSet.of(EventType.READINGS_BATCH),
            "remove sensorType, or add readings_batch to the event types"),
    INCLUDE_COMPONENTS("includeComponents", EnumSet.of(EventType.READINGS_BATCH),
            "remove includeComponents, or add readings_batch to the event types"),
    FLOW_ID("flowId", EnumSet.of(EventType.IOT_MONITOR),
            "remove flowId, or add iot_monitor to the event types");

    private final String optionName;
    private final Set<EventType> takenBy;
    private final String fix;

    SubscriptionOption(String optionName, Set<EventType> takenBy, String fix) {
        this.optionName = optionName;
        this.takenBy = takenBy;
        this.fix = fix;
    }

    /** The option's name on the URI. */
    public String optionName() {
        return optionName;
    }

    /** Whether an endpoint of these event types takes this option. */
    public boolean takenByAnyOf(Collection<EventType> types) {
        for (EventType type : types) {
            if (takenBy.contains(type)) {
                return true;
            }
        }
        return false;
    }

    /** The refusal for an endpoint whose types do not take this option. */
    IllegalArgumentException notTaken() {
        StringBuilder types = new StringBuilder();
        for (EventType type : takenBy) {
            types.append(types.length() == 0 ? "" : ", ").append(type.wireName());
        }
        return new IllegalArgumentException(optionName + " applies to " + types + " only: " + fix);
    }
}
