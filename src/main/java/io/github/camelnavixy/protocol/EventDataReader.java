package io.github.camelnavixy.protocol;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.github.camelnavixy.model.IotLastValues;
import io.github.camelnavixy.model.LifecycleChange;
import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.model.NavixyTime;
import io.github.camelnavixy.model.TrackerReadings;
import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.model.UnknownItem;

/**
 * Binds the {@code data} of an event straight from the parser into model items, in one pass.
 * <p>
 * Batch items are typed by their own {@code type} (the docs mislabel readings as {@code state_batch}); the shapes read
 * are the observed wrapper {@code {"state":{…},"type":"source_state_event"}}, items with {@code type} first or last,
 * bare documented states/readings, lifecycle items, and readings keyed by tracker id. An item bound as one kind that
 * turns out (by its trailing {@code type} or its fields) to be another is converted; that is the rare path.
 * <p>
 * Each item is bound on its own: an item that cannot be bound (a field of the wrong type, a {@code state} wrapper with
 * another item's {@code type}) is skipped to its end and recorded as a {@link DataItems.Problem}, and the items after
 * it are still read. An item whose {@code type} this client does not know is kept as an {@link UnknownItem}. Only
 * broken JSON, a JSON limit or the item cap fail the whole message, since the parser cannot go on after them.
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

    /** Whether {@link #read} knows the data of events of this name. */
    static boolean knows(String event) {
        return switch (event) {
            case NavixyEvent.STATE, NavixyEvent.STATE_BATCH, NavixyEvent.READINGS_BATCH, NavixyEvent.LIFECYCLE,
                    NavixyEvent.IOT_MONITOR, NavixyEvent.LOGOUT -> true;
            default -> false;
        };
    }

    /**
     * Reads the data of an event into {@code out}; the parser is on the data's first token and is left on its last
     * one.
     *
     * @return false for an event name this reader does not {@linkplain #knows know} (the data is skipped)
     */
    boolean read(String event, JsonParser p, DataItems out) throws IOException {
        switch (event) {
            case NavixyEvent.STATE, NavixyEvent.STATE_BATCH -> items(p, ItemKind.STATE, out);
            case NavixyEvent.READINGS_BATCH -> items(p, ItemKind.READINGS, out);
            case NavixyEvent.LIFECYCLE -> items(p, ItemKind.LIFECYCLE, out);
            case NavixyEvent.IOT_MONITOR -> iot(p, out);
            case NavixyEvent.LOGOUT -> logout(p, out);
            default -> {
                p.skipChildren();
                return false;
            }
        }
        return true;
    }

    /** The items of an event that carried no {@code data} at all. */
    static List<Object> withoutData(String event) {
        List<Object> items = new ArrayList<>(1);
        if (NavixyEvent.LOGOUT.equals(event)) {
            items.add("");
        }
        return items;
    }

    /**
     * Reads a batch array before the event name is known: items type themselves, or are guessed from their first
     * field ({@code tracker_id} → readings, else state).
     */
    void selfTypedItems(JsonParser p, DataItems out) throws IOException {
        items(p, null, out);
    }

    private void items(JsonParser p, ItemKind kind, DataItems out) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                int position = out.nextPosition();
                if (t == JsonToken.START_OBJECT) {
                    guarded(p, position, null, out, (q, depth, start) -> item(q, kind, position, depth, start, out));
                } else if (t != JsonToken.VALUE_NULL) {
                    notAnObject(p, position, null, out);
                }
            }
        } else if (t == JsonToken.START_OBJECT) {
            int position = out.nextPosition();
            guarded(p, position, null, out, (q, depth, start) -> item(q, kind, position, depth, start, out));
        } else if (t != JsonToken.VALUE_NULL) {
            throw new BadFrame("event data is neither an object nor an array");
        }
    }

    /** Binds one item; what it returns (if not {@code null}) is added, what it throws is the item's problem. */
    @FunctionalInterface
    private interface ItemBinder {
        /**
         * @param p     on the item's START_OBJECT; must end on its END_OBJECT
         * @param depth nesting depth of the item object
         * @param start parser offset of the item's first byte
         */
        Object bind(JsonParser p, int depth, long start) throws IOException;
    }

    /**
     * Binds the object at the parser as one item. When that fails for a reason that leaves the parser in step (a
     * value of the wrong type, an item that contradicts itself), the rest of the item is skipped and the failure is
     * recorded for its position; broken JSON and exceeded limits still fail the message.
     */
    private static void guarded(JsonParser p, int position, String key, DataItems out, ItemBinder binder)
            throws IOException {
        int depth = p.getParsingContext().getNestingDepth();
        long start = tokenStart(p);
        try {
            Object item = binder.bind(p, depth, start);
            if (item != null) {
                out.add(item);
            }
        } catch (BadItem | DatabindException | InputCoercionException e) {
            if (!parserInStep(e)) {
                throw e;
            }
            skipToEnd(p, depth);
            out.problem(position, key, reason(e), start, tokenStart(p) + 1);
        }
    }

    /** Records a non-object value where an item was expected, and skips it. */
    private static void notAnObject(JsonParser p, int position, String key, DataItems out) throws IOException {
        JsonToken t = p.currentToken();
        long start = tokenStart(p);
        long end = valueEnd(p);
        String what = t == JsonToken.START_ARRAY ? "an array"
                : t == JsonToken.VALUE_STRING ? "a string" : t.isNumeric() ? "a number" : "a boolean";
        out.problem(position, key, "item is " + what + ", not an object", start, end);
    }

    /** Reads one item object. */
    private Object item(JsonParser p, ItemKind kind, int position, int depth, long start, DataItems out)
            throws IOException {
        if (p.nextToken() != JsonToken.FIELD_NAME) {
            return null; // {}: nothing to deliver
        }
        String name = p.currentName();
        if (TYPE.equals(name)) {
            p.nextToken();
            String typeName = itemType(p);
            ItemKind declared = ItemKind.ofItemType(typeName);
            if (typeName != null && declared == null) {
                skipToEnd(p, depth);
                return new UnknownItem(typeName, out.text(start, tokenStart(p) + 1));
            }
            p.nextToken();
            if (declared == ItemKind.STATE) {
                return wrappedState(p, null, depth, start, out);
            }
            if (declared == null) {
                return reclassify(bindRest(p, guess(kind, p)), p, start, out); // "type":null, as if absent
            }
            return bindRest(p, declared);
        }
        if ("state".equals(name)) {
            p.nextToken();
            TrackerState state = bindState(p);
            p.nextToken();
            return wrappedState(p, state, depth, start, out);
        }
        if (isTrackerId(name)) {
            keyedReadings(p, position, out);
            return null;
        }
        return reclassify(bindRest(p, guess(kind, p)), p, start, out);
    }

    /** The kind to bind an item without a leading {@code type} as; the parser is on its first field name. */
    private static ItemKind guess(ItemKind kind, JsonParser p) throws IOException {
        if (kind != null) {
            return kind;
        }
        return "tracker_id".equals(p.currentName()) ? ItemKind.READINGS : ItemKind.STATE;
    }

    private TrackerState bindState(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            return stateReader.readValue(p);
        }
        if (p.currentToken() != JsonToken.VALUE_NULL) {
            throw new BadItem("'state' is not an object");
        }
        return null;
    }

    /**
     * Reads the rest of a {@code source_state_event} wrapper: its {@code state} (unless already read) and a
     * {@code type}, which must agree. The parser is on the next field name or the END_OBJECT.
     */
    private Object wrappedState(JsonParser p, TrackerState state, int depth, long start, DataItems out)
            throws IOException {
        TrackerState result = state;
        for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            if ("state".equals(name) && result == null) {
                result = bindState(p);
            } else if (TYPE.equals(name)) {
                String type = itemType(p);
                ItemKind kind = ItemKind.ofItemType(type);
                if (type != null && kind == null) {
                    skipToEnd(p, depth);
                    return new UnknownItem(type, out.text(start, tokenStart(p) + 1));
                }
                if (kind != null && kind != ItemKind.STATE) {
                    throw new BadItem("item has a 'state' but type '" + ServerText.safe(type, 60) + "'");
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

    /**
     * The documented REST shape: an object keyed by tracker id, each value a readings object. Each entry is an item
     * of its own; the parser is on the first key and ends on the map's END_OBJECT.
     */
    private void keyedReadings(JsonParser p, int position, DataItems out) throws IOException {
        for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            out.nextPosition(); // reported under the map's position, but each entry counts against the cap
            if (!isTrackerId(key)) {
                long start = tokenStart(p);
                out.problem(position, ServerText.safe(key, 40), "readings keyed by tracker id contain another key",
                        start, valueEnd(p));
            } else if (v == JsonToken.START_OBJECT) {
                guarded(p, position, key, out, (q, depth, start) -> {
                    TrackerReadings r = readingsReader.readValue(q);
                    return r.trackerId() == null ? r.withTrackerId(Long.valueOf(key)) : r;
                });
            } else if (v != JsonToken.VALUE_NULL) {
                notAnObject(p, position, key, out);
            }
        }
    }

    /**
     * Checks an item bound as one kind against its own {@code type} (which the observed shapes put last) or, without
     * one, against tell-tale fields; converts it when it is another kind, or keeps it raw when the type is unknown.
     * The parser is on the item's END_OBJECT.
     */
    private Object reclassify(Object item, JsonParser p, long start, DataItems out) throws IOException {
        Map<String, Object> extra = extraOf(item);
        if (extra.isEmpty()) {
            return item;
        }
        Object declared = extra.get(TYPE);
        ItemKind actual;
        if (declared != null) {
            if (!(declared instanceof String type)) {
                throw new BadItem("item 'type' is not a string");
            }
            actual = ItemKind.ofItemType(type);
            if (actual == null) {
                return new UnknownItem(type, out.text(start, tokenStart(p) + 1));
            }
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
    private Object convert(Object value, ItemKind kind) throws IOException {
        try (TokenBuffer buffer = new TokenBuffer(converter, false)) {
            converter.writeValue(buffer, value);
            try (JsonParser p = buffer.asParserOnFirstToken()) {
                return readerOf(kind).readValue(p);
            }
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
    private void iot(JsonParser p, DataItems out) throws IOException {
        JsonToken t = p.currentToken();
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
    }

    private void iotValues(JsonParser p, DataItems out) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NULL) {
                throw new BadFrame("iot_last_values is not an array");
            }
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int position = out.nextPosition();
            if (t == JsonToken.START_OBJECT) {
                guarded(p, position, null, out, (q, depth, start) -> iotReader.readValue(q));
            } else if (t != JsonToken.VALUE_NULL) {
                notAnObject(p, position, null, out);
            }
        }
    }

    /** The reason text; data that is not a string is kept as its JSON text. */
    private void logout(JsonParser p, DataItems out) throws IOException {
        out.nextPosition();
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            out.add("");
        } else if (t.isScalarValue()) {
            out.add(p.getText());
        } else {
            out.add(treeReader.readTree(p).toString());
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

    /** An item's {@code type}: a string, or {@code null} for JSON null; anything else is the item's problem. */
    private static String itemType(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new BadItem("item 'type' is not a string");
    }

    /** Parser offset of the current token's first byte. */
    static long tokenStart(JsonParser p) {
        return p.currentTokenLocation().getByteOffset();
    }

    /** Skips the current value and returns the parser offset after its last byte. */
    static long valueEnd(JsonParser p) throws IOException {
        if (p.currentToken().isStructStart()) {
            p.skipChildren();
            return tokenStart(p) + 1;
        }
        p.finishToken(); // a long string is read lazily: read it so the location is past it
        return p.currentLocation().getByteOffset();
    }

    /**
     * Moves the parser to the END_OBJECT that closes the item object at {@code depth}, wherever inside the item a
     * failure left it (no move when it is already there).
     */
    private static void skipToEnd(JsonParser p, int depth) throws IOException {
        while (p.getParsingContext().getNestingDepth() >= depth) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BadFrame("item is not closed");
            }
            if (t.isStructStart()) {
                p.skipChildren();
            }
        }
    }

    /**
     * Whether the parser can go on after this failure: a value that did not fit the model can be skipped, but a
     * databind failure that wraps broken JSON or an exceeded limit cannot.
     */
    private static boolean parserInStep(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputCoercionException) {
                continue;
            }
            if (t instanceof StreamReadException || t instanceof StreamConstraintsException) {
                return false;
            }
        }
        return true;
    }

    /** Why an item failed, with the path of the field when Jackson knows it. */
    private static String reason(Exception e) {
        if (e instanceof BadItem) {
            return e.getMessage();
        }
        String message = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        return "cannot read " + (path.isEmpty() ? "item" : "'" + path + "'") + " (" + message + ")";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return ServerText.safe(out, 80);
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

    /** One item that cannot be read; the message goes on. Carries no stack trace: it never leaves this class. */
    private static final class BadItem extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BadItem(String reason) {
            super(reason, null, false, false);
        }
    }
}
