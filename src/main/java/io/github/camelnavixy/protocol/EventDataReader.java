package io.github.camelnavixy.protocol;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.github.camelnavixy.model.IotLastValues;
import io.github.camelnavixy.model.LifecycleChange;
import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.model.NavixyTime;
import io.github.camelnavixy.model.TrackerReadings;
import io.github.camelnavixy.model.TrackerState;

/**
 * Binds the {@code data} of an event straight from the parser into model items, in one pass.
 * <p>
 * Batch items are typed by their own {@code type} (the docs mislabel readings as {@code state_batch}); the shapes read
 * are the observed wrapper {@code {"state":{…},"type":"source_state_event"}}, items with {@code type} first or last,
 * bare documented states/readings, lifecycle items, and readings keyed by tracker id. An item bound as one kind that
 * turns out (by its trailing {@code type} or its fields) to be another is converted; that is the rare path.
 * Not thread-safe: one per decoder.
 */
final class EventDataReader {

    private static final String TYPE = "type";

    private final ObjectReader stateReader;
    private final ObjectReader readingsReader;
    private final ObjectReader lifecycleReader;
    private final ObjectReader iotReader;
    private final ObjectReader treeReader;
    private final ObjectMapper converter;

    EventDataReader(ObjectMapper mapper, ZoneId zone) {
        this.stateReader = reader(mapper, TrackerState.class, zone);
        this.readingsReader = reader(mapper, TrackerReadings.class, zone);
        this.lifecycleReader = reader(mapper, LifecycleChange.class, zone);
        this.iotReader = reader(mapper, IotLastValues.class, zone);
        this.treeReader = mapper.reader();
        this.converter = mapper.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    private static ObjectReader reader(ObjectMapper mapper, Class<?> type, ZoneId zone) {
        return mapper.readerFor(type).withAttribute(NavixyTime.ZONE_ATTRIBUTE, zone);
    }

    /**
     * Reads the data of a known event; the parser is on the data's first token and is left on its last one.
     *
     * @return the items, or {@code null} for an event name this reader does not know (the data is skipped)
     */
    List<Object> read(String event, JsonParser p) throws IOException {
        switch (event) {
            case NavixyEvent.STATE:
            case NavixyEvent.STATE_BATCH:
                return items(p, ItemKind.STATE);
            case NavixyEvent.READINGS_BATCH:
                return items(p, ItemKind.READINGS);
            case NavixyEvent.LIFECYCLE:
                return items(p, ItemKind.LIFECYCLE);
            case NavixyEvent.IOT_MONITOR:
                return iot(p);
            case NavixyEvent.LOGOUT:
                return logout(p);
            default:
                p.skipChildren();
                return null;
        }
    }

    /** The items of an event that carried no {@code data} at all. */
    static List<Object> withoutData(String event) {
        return NavixyEvent.LOGOUT.equals(event) ? listOf("") : new ArrayList<>(0);
    }

    /**
     * Reads a batch array before the event name is known: items type themselves, or are guessed from their first
     * field ({@code tracker_id} → readings, else state).
     */
    List<Object> selfTypedItems(JsonParser p) throws IOException {
        return items(p, null);
    }

    private List<Object> items(JsonParser p, ItemKind kind) throws IOException {
        JsonToken t = p.currentToken();
        List<Object> out = new ArrayList<>();
        if (t == JsonToken.START_ARRAY) {
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.START_OBJECT) {
                    item(p, kind, out);
                } else if (t != JsonToken.VALUE_NULL) {
                    throw new BadFrame("batch item is not an object but " + t.asString());
                }
            }
        } else if (t == JsonToken.START_OBJECT) {
            item(p, kind, out);
        } else if (t != JsonToken.VALUE_NULL) {
            throw new BadFrame("event data is neither an object nor an array");
        }
        return out;
    }

    /** Reads one item object; the parser is on its START_OBJECT and ends on its END_OBJECT (or cleared). */
    private void item(JsonParser p, ItemKind kind, List<Object> out) throws IOException {
        if (p.nextToken() != JsonToken.FIELD_NAME) {
            return; // {}: nothing to deliver
        }
        String name = p.currentName();
        if (TYPE.equals(name)) {
            p.nextToken();
            ItemKind declared = ItemKind.ofItemType(scalarText(p));
            p.nextToken();
            if (declared == ItemKind.STATE) {
                addIfPresent(out, wrappedState(p, null));
            } else {
                out.add(bindRest(p, declared));
            }
        } else if ("state".equals(name)) {
            p.nextToken();
            TrackerState state = bindState(p);
            p.nextToken();
            addIfPresent(out, wrappedState(p, state));
        } else if (isTrackerId(name)) {
            keyedReadings(p, out);
        } else {
            ItemKind guess = kind != null ? kind : "tracker_id".equals(name) ? ItemKind.READINGS : ItemKind.STATE;
            out.add(reclassify(bindRest(p, guess)));
        }
    }

    private TrackerState bindState(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            return stateReader.readValue(p);
        }
        p.skipChildren();
        return null;
    }

    /**
     * Reads the rest of a {@code source_state_event} wrapper: its {@code state} (unless already read) and a
     * {@code type}, which must agree. The parser is on the next field name or the END_OBJECT.
     */
    private TrackerState wrappedState(JsonParser p, TrackerState state) throws IOException {
        TrackerState result = state;
        for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            if ("state".equals(name) && result == null) {
                result = bindState(p);
            } else if (TYPE.equals(name)) {
                String type = scalarText(p);
                if (ItemKind.ofItemType(type) != ItemKind.STATE) {
                    throw new BadFrame("item has a 'state' but type '" + type + "'");
                }
            } else {
                p.skipChildren();
            }
        }
        return result;
    }

    /** Binds an object from its current field name (or END_OBJECT) on. */
    private Object bindRest(JsonParser p, ItemKind kind) throws IOException {
        if (p.currentToken() == JsonToken.END_OBJECT) {
            return empty(kind);
        }
        return readerOf(kind).readValue(p);
    }

    private static Object empty(ItemKind kind) {
        return switch (kind) {
            case STATE -> new TrackerState(null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null);
            case READINGS -> new TrackerReadings(null, null, null, null, null, null, null);
            case LIFECYCLE -> new LifecycleChange(null, null, null, null);
            case IOT -> new IotLastValues(null, null, null, null);
        };
    }

    /** The documented REST shape: an object keyed by tracker id, each value a readings object. */
    private void keyedReadings(JsonParser p, List<Object> out) throws IOException {
        for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            if (!isTrackerId(key)) {
                throw new BadFrame("readings keyed by tracker id contain the key '" + key + "'");
            }
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT) {
                TrackerReadings r = readingsReader.readValue(p);
                out.add(r.trackerId() == null ? r.withTrackerId(Long.valueOf(key)) : r);
            } else if (v != JsonToken.VALUE_NULL) {
                throw new BadFrame("readings of tracker " + key + " are not an object");
            }
        }
    }

    /**
     * Checks an item bound as one kind against its own {@code type} (which the observed shapes put last) or, without
     * one, against tell-tale fields; converts it when it is another kind.
     */
    private Object reclassify(Object item) {
        Map<String, Object> extra = extraOf(item);
        if (extra.isEmpty()) {
            return item;
        }
        Object declared = extra.get(TYPE);
        ItemKind actual;
        if (declared != null) {
            actual = ItemKind.ofItemType(declared instanceof String s ? s : String.valueOf(declared));
            if (actual == ItemKind.STATE && extra.get("state") instanceof Map) {
                // a source_state_event wrapper whose 'state' came after other fields: the state is the payload
                return convert(extra.get("state"), ItemKind.STATE);
            }
        } else if (extra.containsKey("lifecycle_event")) {
            actual = ItemKind.LIFECYCLE;
        } else if (item instanceof TrackerState s && s.sourceId() == null && extra.containsKey("tracker_id")) {
            actual = ItemKind.READINGS;
        } else if (item instanceof TrackerReadings r && r.trackerId() == null && extra.containsKey("source_id")) {
            actual = ItemKind.STATE;
        } else {
            return item;
        }
        return actual.type.isInstance(item) ? item : convert(item, actual);
    }

    /** Re-reads a value as another kind through a token buffer, so local timestamps still get the user's zone. */
    private Object convert(Object value, ItemKind kind) {
        if (value == null) {
            return null;
        }
        try (TokenBuffer buffer = new TokenBuffer(converter, false)) {
            converter.writeValue(buffer, value);
            try (JsonParser p = buffer.asParserOnFirstToken()) {
                return readerOf(kind).readValue(p);
            }
        } catch (IOException e) {
            throw new BadFrame("cannot read item as " + kind + " (" + e.getMessage() + ")");
        }
    }

    private ObjectReader readerOf(ItemKind kind) {
        return switch (kind) {
            case STATE -> stateReader;
            case READINGS -> readingsReader;
            case LIFECYCLE -> lifecycleReader;
            case IOT -> iotReader;
        };
    }

    private static Map<String, Object> extraOf(Object item) {
        if (item instanceof TrackerState s) {
            return s.extra();
        }
        if (item instanceof TrackerReadings r) {
            return r.extra();
        }
        if (item instanceof LifecycleChange l) {
            return l.extra();
        }
        return Map.of();
    }

    /** {@code data.iot_last_values[]} (or, leniently, {@code data} as that array). */
    private List<Object> iot(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        List<Object> out = new ArrayList<>();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if ("iot_last_values".equals(name)) {
                    iotValues(p, out);
                } else {
                    p.skipChildren();
                }
            }
        } else if (t == JsonToken.START_ARRAY) {
            iotValues(p, out);
        } else if (t != JsonToken.VALUE_NULL) {
            throw new BadFrame("iot_monitor data is neither an object nor an array");
        }
        return out;
    }

    private void iotValues(JsonParser p, List<Object> out) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NULL) {
                throw new BadFrame("iot_last_values is not an array");
            }
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                out.add(iotReader.readValue(p));
            } else if (t != JsonToken.VALUE_NULL) {
                throw new BadFrame("iot_last_values item is not an object");
            }
        }
    }

    /** The reason text; data that is not a string is kept as its JSON text. */
    private List<Object> logout(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return listOf("");
        }
        if (t.isScalarValue()) {
            return listOf(p.getText());
        }
        return listOf(treeReader.readTree(p).toString());
    }

    private static List<Object> listOf(Object item) {
        List<Object> list = new ArrayList<>(1);
        list.add(item);
        return list;
    }

    private static void addIfPresent(List<Object> out, Object item) {
        if (item != null) {
            out.add(item);
        }
    }

    /** Text of a scalar value; {@code null} for null, objects and arrays (which are skipped). */
    static String scalarText(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    private static boolean isTrackerId(String name) {
        int n = name.length();
        if (n == 0 || n > 18) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
