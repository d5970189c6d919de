package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates the {@code requests} array of a subscribe/unsubscribe action the way Navixy's rules read (spec §5.1):
 * {@code state} takes a {@code trackers} int array, the batch types take a {@code target}; {@code rate_limit},
 * {@code format} and the iot_monitor 10-tracker cap are checked. The deprecated root form
 * ({@code "events":[…],"trackers":[…]}) is accepted too. The first problem wins and becomes an error code.
 */
final class RequestParser {

    /** Outcome: either requests or an error (code + Navixy-style {@code errors} list). */
    record Result(List<SubRequest> requests, int errorCode, ArrayNode errors) {
        boolean ok() {
            return errorCode == 0;
        }
    }

    private static final int IOT_MONITOR_MAX_TRACKERS = 10;

    private final int fleetSize;
    private final boolean unsubscribe;

    RequestParser(int fleetSize, boolean unsubscribe) {
        this.fleetSize = fleetSize;
        this.unsubscribe = unsubscribe;
    }

    Result parse(JsonNode root) {
        JsonNode requests = root.get("requests");
        if (requests == null && root.has("events")) {
            return parseLegacy(root);
        }
        if (requests == null || !requests.isArray() || requests.isEmpty()) {
            return error(ErrorCodes.WRONG_REQUEST_FORMAT, "requests", "must be a non-empty array");
        }
        List<SubRequest> result = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            JsonNode r = requests.get(i);
            String where = "requests[" + i + "]";
            if (!r.isObject()) {
                return error(ErrorCodes.WRONG_REQUEST_FORMAT, where, "must be an object");
            }
            Object parsed = parseOne(r, where);
            if (parsed instanceof Result err) {
                return err;
            }
            result.add((SubRequest) parsed);
        }
        return new Result(result, 0, null);
    }

    private Object parseOne(JsonNode r, String where) {
        String type = r.path("type").asText("");
        if (!SubRequest.TYPES.contains(type)) {
            return error(ErrorCodes.INVALID_PARAMETERS, where + ".type",
                    "unknown type '" + type + "', expected one of " + SubRequest.TYPES);
        }
        boolean all = false;
        List<Long> ids;
        if (SubRequest.STATE.equals(type)) {
            ids = ids(r.get("trackers"));
            if (ids == null) {
                return error(ErrorCodes.INVALID_PARAMETERS, where + ".trackers",
                        "state needs a non-empty array of tracker ids");
            }
        } else {
            JsonNode target = r.get("target");
            String targetType = target == null ? "" : target.path("type").asText("");
            if (unsubscribe && target == null) {
                all = true;
                ids = List.of();
            } else if ("all".equals(targetType)) {
                all = true;
                ids = List.of();
            } else if ("selected".equals(targetType)) {
                ids = ids(target.get("tracker_ids"));
                if (ids == null) {
                    return error(ErrorCodes.INVALID_PARAMETERS, where + ".target.tracker_ids",
                            "must be a non-empty array of tracker ids");
                }
            } else {
                return error(ErrorCodes.INVALID_PARAMETERS, where + ".target",
                        "must be {\"type\":\"all\"} or {\"type\":\"selected\",\"tracker_ids\":[…]}");
            }
        }
        if (!unsubscribe && SubRequest.IOT_MONITOR.equals(type)
                && (all ? fleetSize : ids.size()) > IOT_MONITOR_MAX_TRACKERS) {
            return error(ErrorCodes.INVALID_PARAMETERS, where + ".target",
                    "iot_monitor allows at most " + IOT_MONITOR_MAX_TRACKERS + " trackers");
        }
        Duration rate = null;
        JsonNode rateNode = r.get("rate_limit");
        if (rateNode != null && !rateNode.isNull() && !SubRequest.STATE.equals(type)) {
            rate = rateNode.isTextual() ? RateLimit.parse(rateNode.asText()) : null;
            if (rate == null) {
                return error(ErrorCodes.INVALID_PARAMETERS, where + ".rate_limit",
                        "must be a positive timespan like 500ms, 5s, 1m, 1h");
            }
        }
        String format = r.path("format").asText("full");
        if (!"full".equals(format) && !"compact".equals(format)) {
            return error(ErrorCodes.INVALID_PARAMETERS, where + ".format", "must be full or compact");
        }
        String sensorType = r.hasNonNull("sensor_type") ? r.get("sensor_type").asText() : null;
        boolean includeComponents = r.path("include_components").asBoolean(true);
        Long flowId = r.hasNonNull("flow_id") && r.get("flow_id").canConvertToLong() ? r.get("flow_id").asLong() : null;
        return new SubRequest(type, all, ids, rate, "compact".equals(format), sensorType, includeComponents, flowId);
    }

    private Result parseLegacy(JsonNode root) {
        JsonNode events = root.get("events");
        List<Long> ids = ids(root.get("trackers"));
        if (!events.isArray() || events.isEmpty() || ids == null) {
            return error(ErrorCodes.WRONG_REQUEST_FORMAT, "events", "legacy form needs events and trackers arrays");
        }
        List<SubRequest> result = new ArrayList<>();
        for (JsonNode e : events) {
            String type = e.asText();
            if (!SubRequest.TYPES.contains(type)) {
                return error(ErrorCodes.INVALID_PARAMETERS, "events", "unknown event type '" + type + "'");
            }
            result.add(new SubRequest(type, false, ids, null, false, null, true, null));
        }
        return new Result(result, 0, null);
    }

    /** Non-empty array of positive integers, or null. */
    private static List<Long> ids(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isIntegralNumber() || n.asLong() <= 0) {
                return null;
            }
            ids.add(n.asLong());
        }
        return ids;
    }

    private static Result error(int code, String parameter, String message) {
        ArrayNode errors = JsonNodeFactory.instance.arrayNode();
        ObjectNode e = errors.addObject();
        e.put("parameter", parameter);
        e.put("error", message);
        return new Result(null, code, errors);
    }
}
