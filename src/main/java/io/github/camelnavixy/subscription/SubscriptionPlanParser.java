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
            checkRateLimit(rateLimit);
            requireTaken(SubscriptionOption.RATE_LIMIT, types);
        }
        if (format != null) {
            requireTaken(SubscriptionOption.FORMAT, types);
        }
        if (blankToNull(sensorType) != null) {
            requireTaken(SubscriptionOption.SENSOR_TYPE, types);
        }
        if (includeComponents != null) {
            requireTaken(SubscriptionOption.INCLUDE_COMPONENTS, types);
        }
        if (flowId != null) {
            requireTaken(SubscriptionOption.FLOW_ID, types);
            if (flowId <= 0) {
                throw new IllegalArgumentException("flowId must be a positive IoT Logic flow id, e.g. flowId=12345");
            }
        }
    }

    /** Navixy documents {@code rate_limit} only as whole seconds ({@code "5s"}), and real traffic shows only that. */
    private static void checkRateLimit(Duration rateLimit) {
        if (rateLimit.isNegative() || rateLimit.isZero()) {
            throw new IllegalArgumentException("rateLimit must be positive: write a timespan such as rateLimit=5s");
        }
        if (rateLimit.toMillis() % 1000 != 0 || rateLimit.getNano() % 1_000_000 != 0) {
            long seconds = Math.max(1, Math.round(rateLimit.toMillis() / 1000.0));
            throw new IllegalArgumentException("rateLimit=" + rateLimit.toMillis() + "ms is not a whole number of seconds,"
                    + " and Navixy takes only whole seconds: write e.g. rateLimit=" + seconds + "s");
        }
    }

    private static void requireTaken(SubscriptionOption option, List<EventType> types) {
        if (!option.takenByAnyOf(types)) {
            throw option.notTaken();
        }
    }

    /**
     * The event types of an endpoint path, or an empty list when the path is not valid (the full parse reports that,
     * with its message, when the endpoint is validated).
     */
    public static List<EventType> eventTypesOrEmpty(String eventTypes) {
        try {
            return parseEventTypes(eventTypes);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
