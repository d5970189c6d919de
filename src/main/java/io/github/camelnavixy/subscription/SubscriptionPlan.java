package io.github.camelnavixy.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What one endpoint asks the server for: one sub-request per event type, all sharing the tracker target and the
 * optional fields. Built only through {@link SubscriptionPlanParser}, so every instance is valid for Navixy.
 *
 * @param rateLimit         batching timespan, or {@code null} for the server default
 * @param format            state format, or {@code null} for the server default
 * @param sensorType        readings_batch sensor filter, or {@code null}
 * @param includeComponents readings_batch composite-sensor parts, or {@code null} for the server default
 * @param flowId            iot_monitor IoT Logic flow, or {@code null}
 * @param isoDateTime       ask for ISO-8601 timestamps with offset
 */
public record SubscriptionPlan(
        List<EventType> eventTypes,
        TrackerTarget target,
        Duration rateLimit,
        StateFormat format,
        String sensorType,
        Boolean includeComponents,
        Long flowId,
        boolean isoDateTime) {

    public SubscriptionPlan {
        eventTypes = List.copyOf(eventTypes);
        Objects.requireNonNull(target, "target");
    }

    /** The {@code subscribe} action carrying {@code hash}. */
    public String subscribeRequest(String hash) {
        return RequestJson.write("subscribe", hash, this);
    }

    /** The {@code unsubscribe} action for the same requests. */
    public String unsubscribeRequest(String hash) {
        return RequestJson.write("unsubscribe", hash, this);
    }

    /** The event types as the endpoint path writes them. */
    public String eventTypesText() {
        StringJoiner joiner = new StringJoiner(",");
        eventTypes.forEach(type -> joiner.add(type.wireName()));
        return joiner.toString();
    }

    /** {@code rate_limit} as Navixy writes it: whole seconds, {@code "5s"} (the parser refuses anything finer). */
    public String rateLimitText() {
        return rateLimit == null ? null : rateLimit.toSeconds() + "s";
    }
}
