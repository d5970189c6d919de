package io.github.camelnavixy.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes the subscribe and unsubscribe actions (navixy-websocket.md §5.1, §5.2). Done once per connection, not on a hot path. */
final class RequestJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestJson() {
    }

    static String write(String action, String hash, SubscriptionPlan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("action", action);
        root.put("hash", hash);
        ArrayNode requests = root.putArray("requests");
        for (EventType type : plan.eventTypes()) {
            requests.add(request(type, plan));
        }
        if (plan.isoDateTime()) {
            root.put("iso_datetime", true);
        }
        return root.toString();
    }

    private static ObjectNode request(EventType type, SubscriptionPlan plan) {
        ObjectNode request = MAPPER.createObjectNode();
        request.put("type", type.wireName());
        if (type.usesTarget()) {
            ObjectNode target = request.putObject("target");
            if (plan.target().all()) {
                target.put("type", "all");
            } else {
                target.put("type", "selected");
                plan.target().ids().forEach(target.putArray("tracker_ids")::add);
            }
        } else {
            ArrayNode trackers = request.putArray("trackers");
            plan.target().ids().forEach(trackers::add);
        }
        if (type.batched() && plan.rateLimit() != null) {
            request.put("rate_limit", plan.rateLimitText());
        }
        if ((type == EventType.STATE || type == EventType.STATE_BATCH) && plan.format() != null) {
            request.put("format", plan.format().name());
        }
        if (type == EventType.READINGS_BATCH) {
            if (plan.sensorType() != null) {
                request.put("sensor_type", plan.sensorType());
            }
            if (plan.includeComponents() != null) {
                request.put("include_components", plan.includeComponents());
            }
        }
        if (type == EventType.IOT_MONITOR && plan.flowId() != null) {
            request.put("flow_id", plan.flowId());
        }
        return request;
    }
}
