package io.github.camelnavixy.protocol;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the {@code data}/{@code status} trees of {@code response} and {@code error} messages into typed values.
 * These messages are rare and small, so a tree is fine here; lenient about every documented and observed variant.
 */
final class ResponseReader {

    private ResponseReader() {
    }

    static SubscriptionResponse subscription(String action, List<String> events, JsonNode data) {
        Map<String, SubscriptionResult> results = new LinkedHashMap<>();
        if (data != null && data.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isObject()) {
                    results.put(e.getKey(), result(e.getValue()));
                }
            }
        }
        return new SubscriptionResponse(action, events, results);
    }

    /**
     * One sub-response: {@code {"value":{id:status},"success":true}} (documented), the same without {@code success}
     * (observed), or the 2020 form where the node itself is the id → status map.
     */
    static SubscriptionResult result(JsonNode node) {
        JsonNode value = node.get("value");
        JsonNode success = node.get("success");
        if (value == null && success == null) {
            return new SubscriptionResult(true, statuses(node));
        }
        boolean failed = success != null && success.isBoolean() && !success.booleanValue();
        boolean hasValue = value != null && value.isObject();
        return new SubscriptionResult(!failed && hasValue, hasValue ? statuses(value) : null);
    }

    private static Map<Long, TrackerStatus> statuses(JsonNode map) {
        Map<Long, TrackerStatus> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Long id = trackerId(e.getKey());
            if (id != null) {
                JsonNode v = e.getValue();
                out.put(id, TrackerStatus.fromWire(v.isValueNode() && !v.isNull() ? v.asText() : null));
            }
        }
        return out;
    }

    private static Long trackerId(String key) {
        try {
            return Long.valueOf(key.strip());
        } catch (NumberFormatException e) {
            return null; // not a tracker entry: ignore rather than fail the whole response
        }
    }

    static ErrorResponse error(String action, JsonNode status, JsonNode data) {
        int code = 0;
        String description = null;
        if (status != null && status.isObject()) {
            code = status.path("code").asInt(0);
            JsonNode d = status.get("description");
            description = d == null || d.isNull() ? null : d.asText();
        }
        return new ErrorResponse(action, code, description, data == null ? null : data.toString());
    }
}
