package io.github.camelnavixy.subscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns what a user wrote into a {@link SubscriptionPlan}, or refuses with a message that says what to write instead.
 * Navixy would refuse these subscriptions anyway, but only at run time and after a connection; here they fail when the
 * endpoint is created.
 */
public final class SubscriptionPlanParser {

    /** Navixy accepts at most this many trackers in one iot_monitor request. */
    public static final int MAX_IOT_MONITOR_TRACKERS = 10;

    private static final String KNOWN_TYPES = Arrays.stream(EventType.values())
            .map(EventType::wireName)
            .collect(Collectors.joining(", "));

    private SubscriptionPlanParser() {
    }

    /**
     * @throws IllegalArgumentException with a message naming the problem and the fix
     */
    public static SubscriptionPlan parse(
            String eventTypes, String trackers, Duration rateLimit, StateFormat format, String sensorType,
            Boolean includeComponents, Long flowId, boolean isoDateTime) {
        List<EventType> types = parseEventTypes(eventTypes);
        TrackerTarget target = TrackerTarget.parse(trackers);
        checkTarget(types, target);
        checkOptions(types, rateLimit, format, sensorType, includeComponents, flowId);
        return new SubscriptionPlan(types, target, rateLimit, format, blankToNull(sensorType), includeComponents, flowId,
                isoDateTime);
    }

    static List<EventType> parseEventTypes(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "No event type given: write navixy:state_batch (or a comma-separated list of " + KNOWN_TYPES + ")");
        }
        List<EventType> types = new ArrayList<>();
        for (String token : text.split(",")) {
            if (token.isBlank()) {
                continue;
            }
            EventType type = EventType.fromWireName(token);
            if (type == null) {
                throw new IllegalArgumentException("Unknown event type '" + token.trim() + "': write one or more of "
                        + KNOWN_TYPES + " (lifecycle and logout events come without subscribing)");
            }
            if (types.contains(type)) {
                throw new IllegalArgumentException(
                        "Event type '" + type + "' is given twice: write each event type once, e.g. navixy:" + type);
            }
            types.add(type);
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("No event type given: write navixy:state_batch (or one or more of " + KNOWN_TYPES + ")");
        }
        return types;
    }

    private static void checkTarget(List<EventType> types, TrackerTarget target) {
        if (types.contains(EventType.STATE) && target.all()) {
            throw new IllegalArgumentException("Navixy needs explicit tracker ids for 'state': write trackers=1001,1002, "
                    + "or subscribe to state_batch to follow all trackers");
        }
        if (types.contains(EventType.IOT_MONITOR)) {
            if (target.all()) {
                throw new IllegalArgumentException("iot_monitor needs explicit tracker ids (at most "
                        + MAX_IOT_MONITOR_TRACKERS + "): write trackers=1001,1002");
            }
            if (target.ids().size() > MAX_IOT_MONITOR_TRACKERS) {
                throw new IllegalArgumentException("iot_monitor takes at most " + MAX_IOT_MONITOR_TRACKERS
                        + " trackers but " + target.ids().size() + " are given: split them over several endpoints");
            }
        }
    }

    private static void checkOptions(
            List<EventType> types, Duration rateLimit, StateFormat format, String sensorType, Boolean includeComponents,
            Long flowId) {
        if (rateLimit != null) {
            if (rateLimit.isNegative() || rateLimit.isZero()) {
                throw new IllegalArgumentException("rateLimit must be positive: write a timespan such as rateLimit=5s");
            }
            if (types.stream().noneMatch(EventType::batched)) {
                throw new IllegalArgumentException("rateLimit applies to state_batch, readings_batch and iot_monitor, "
                        + "not to state: remove rateLimit, or subscribe to state_batch instead of state");
            }
        }
        if (format != null && !types.contains(EventType.STATE) && !types.contains(EventType.STATE_BATCH)) {
            throw new IllegalArgumentException(
                    "format applies to state and state_batch only: remove format, or add state_batch to the event types");
        }
        boolean readings = types.contains(EventType.READINGS_BATCH);
        if (blankToNull(sensorType) != null && !readings) {
            throw new IllegalArgumentException(
                    "sensorType applies to readings_batch only: remove sensorType, or add readings_batch to the event types");
        }
        if (includeComponents != null && !readings) {
            throw new IllegalArgumentException("includeComponents applies to readings_batch only: remove includeComponents, "
                    + "or add readings_batch to the event types");
        }
        if (flowId != null) {
            if (!types.contains(EventType.IOT_MONITOR)) {
                throw new IllegalArgumentException(
                        "flowId applies to iot_monitor only: remove flowId, or add iot_monitor to the event types");
            }
            if (flowId <= 0) {
                throw new IllegalArgumentException("flowId must be a positive IoT Logic flow id, e.g. flowId=12345");
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
