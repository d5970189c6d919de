package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns payloads into the exact text of server frames, in either the {@link Shape#OBSERVED} or the
 * {@link Shape#DOCUMENTED} shape. Key order is part of the shape (real traffic puts {@code data} before
 * {@code type}), which is why everything is built with ordered {@link ObjectNode}s rather than POJOs.
 */
final class EventShapes {

    /** One readings item: which tracker, its readings, and the item timestamp (already formatted). */
    record ReadingsItem(long trackerId, ObjectNode readings, String timestamp) {
    }

    private final ObjectMapper mapper;
    private final Shape shape;

    EventShapes(ObjectMapper mapper, Shape shape) {
        this.mapper = mapper;
        this.shape = shape;
    }

    Shape shape() {
        return shape;
    }

    // --- responses ---------------------------------------------------------------------------------------------------

    /** {@code subscription/subscribe} response; {@code statuses} maps event type → tracker id → status. */
    String subscribeResponse(List<String> events, Map<String, Map<Long, String>> statuses) {
        ObjectNode data = mapper.createObjectNode();
        statuses.forEach((type, byId) -> {
            ObjectNode sub = data.putObject(type);
            ObjectNode value = sub.putObject("value");
            byId.forEach((id, status) -> value.put(Long.toString(id), status));
            if (shape == Shape.DOCUMENTED) {
                sub.put("success", true);
            }
        });
        ObjectNode root = mapper.createObjectNode();
        if (shape == Shape.OBSERVED) {
            root.set("events", strings(events));
            root.set("data", data);
            root.put("type", "response");
            root.put("action", "subscription/subscribe");
        } else {
            root.put("type", "response");
            root.put("action", "subscription/subscribe");
            root.set("events", strings(events));
            root.set("data", data);
        }
        return write(root);
    }

    /** {@code subscription/unsubscribe} response; {@code removed} maps event type → tracker ids no longer covered. */
    String unsubscribeResponse(List<String> events, Map<String, ? extends Collection<Long>> removed) {
        ObjectNode root = mapper.createObjectNode();
        root.put("type", "response");
        root.put("action", "subscription/unsubscribe");
        root.set("events", strings(events));
        ObjectNode data = root.putObject("data");
        removed.forEach((type, ids) -> {
            ArrayNode a = data.putArray(type);
            ids.forEach(a::add);
        });
        return write(root);
    }

    /** An error frame. {@code action} is e.g. {@code subscription/subscribe}, or {@code "null"} when unknown. */
    String error(String action, int code, JsonNode data, ArrayNode errors) {
        ObjectNode root = mapper.createObjectNode();
        root.put("type", "error");
        root.put("action", action);
        ObjectNode status = root.putObject("status");
        status.put("code", code);
        status.put("description", ErrorCodes.description(code));
        if (errors != null && !errors.isEmpty()) {
            root.set("errors", errors);
        }
        if (data != null) {
            root.set("data", data);
        }
        return write(root);
    }

    // --- events ------------------------------------------------------------------------------------------------------

    /**
     * A {@code state} event. No capture of one exists, so both shapes use the documented envelope (spec §9.5):
     * {@code type}, {@code event}, {@code user_time}, {@code data}.
     */
    String state(String userTime, ObjectNode state) {
        ObjectNode root = mapper.createObjectNode();
        root.put("type", "event");
        root.put("event", "state");
        root.put("user_time", userTime);
        root.set("data", state);
        return write(root);
    }

    /** A {@code state_batch} event; lifecycle items are only used by the observed shape (inline). */
    String stateBatch(String userTime, List<ObjectNode> states, List<ObjectNode> lifecycleItems) {
        ArrayNode data = mapper.createArrayNode();
        if (shape == Shape.OBSERVED) {
            lifecycleItems.forEach(data::add);
            for (ObjectNode s : states) {
                ObjectNode item = data.addObject();
                item.set("state", s);
                item.put("type", "source_state_event");
            }
            return write(observedEvent("state_batch", data));
        }
        states.forEach(data::add);
        return write(documentedEvent("state_batch", userTime, data));
    }

    /**
     * A {@code readings_batch} event. Observed: an array of {@code readings_event} items (plus inline lifecycle
     * items). Documented: {@code data} is an array holding one REST "readings batch object", i.e. a map keyed by
     * tracker id (spec §5.4, §7.4).
     */
    String readingsBatch(String userTime, List<ReadingsItem> items, List<ObjectNode> lifecycleItems) {
        ArrayNode data = mapper.createArrayNode();
        if (shape == Shape.OBSERVED) {
            lifecycleItems.forEach(data::add);
            for (ReadingsItem r : items) {
                ObjectNode item = data.addObject();
                item.put("tracker_id", r.trackerId());
                item.setAll(r.readings());
                item.put("timestamp", r.timestamp());
                item.put("type", "readings_event");
            }
            return write(observedEvent("readings_batch", data));
        }
        ObjectNode byId = data.addObject();
        for (ReadingsItem r : items) {
            byId.set(Long.toString(r.trackerId()), r.readings());
        }
        return write(documentedEvent("readings_batch", userTime, data));
    }

    /** An {@code iot_monitor} event (same in both shapes: the documented sample is the only source). */
    String iotMonitor(List<ObjectNode> lastValues) {
        ObjectNode root = mapper.createObjectNode();
        root.put("event", "iot_monitor");
        root.put("type", "event");
        ArrayNode values = root.putObject("data").putArray("iot_last_values");
        lastValues.forEach(values::add);
        return write(root);
    }

    /** The inline batch item form of a lifecycle change (SG-BR), also used as observed standalone {@code data}. */
    ObjectNode lifecycleItem(long sourceId, String kind, String timestamp) {
        ObjectNode item = mapper.createObjectNode();
        item.put("type", "lifecycle_event");
        item.put("source_id", sourceId);
        item.put("lifecycle_event", kind);
        item.put("timestamp", timestamp);
        return item;
    }

    /** A standalone {@code lifecycle} event. */
    String lifecycle(long sourceId, String kind, String timestamp) {
        ObjectNode root = mapper.createObjectNode();
        root.put("type", "event");
        root.put("event", "lifecycle");
        if (shape == Shape.OBSERVED) {
            root.set("data", lifecycleItem(sourceId, kind, timestamp));
        } else {
            ObjectNode data = root.putObject("data");
            data.put("source_id", sourceId);
            data.put("lifecycle_event", kind);
        }
        return write(root);
    }

    /** The {@code logout} event. */
    String logout(String text) {
        ObjectNode root = mapper.createObjectNode();
        root.put("type", "event");
        root.put("event", "logout");
        root.put("data", text);
        return write(root);
    }

    private ObjectNode observedEvent(String event, ArrayNode data) {
        ObjectNode root = mapper.createObjectNode();
        root.set("data", data);
        root.put("type", "event");
        root.put("event", event);
        return root;
    }

    private ObjectNode documentedEvent(String event, String userTime, ArrayNode data) {
        ObjectNode root = mapper.createObjectNode();
        root.put("type", "event");
        root.put("event", event);
        root.put("user_time", userTime);
        root.set("data", data);
        return root;
    }

    private ArrayNode strings(List<String> values) {
        ArrayNode a = mapper.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + node, e);
        }
    }
}
