package io.github.camelnavixy.model;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Binds a {@link TrackerState} and its parts ({@link Gps}, {@link Location}, {@link Gsm}, {@link AdditionalValue})
 * by hand: one pass over the fields, straight into the canonical constructors. It replaces Jackson's generic record
 * binding on the hot path (a buffer of creator properties and a reflective constructor call per object, five objects
 * per state) and gives the same result: snake_case names, unknown fields into {@code extra}, {@code null} and missing
 * fields as {@code null}. Any value of an unusual type (a number sent as text, say) is handed to Jackson's own
 * deserializer for the target type, so the coercion rules stay Jackson's.
 * <p>
 * The parser may be on the object's START_OBJECT, on its first FIELD_NAME (a caller that read some fields itself) or on
 * its END_OBJECT.
 */
public final class TrackerStateDeserializer extends StdDeserializer<TrackerState> {

    private static final long serialVersionUID = 1L;
    private static final NavixyTimestampDeserializer TIMESTAMPS = new NavixyTimestampDeserializer();

    public TrackerStateDeserializer() {
        super(TrackerState.class);
    }

    @Override
    public TrackerState deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = first(p, ctxt, TrackerState.class);
        Long sourceId = null;
        Gps gps = null;
        String connectionStatus = null;
        String movementStatus = null;
        OffsetDateTime movementStatusUpdate = null;
        Boolean ignition = null;
        OffsetDateTime ignitionUpdate = null;
        Gsm gsm = null;
        OffsetDateTime lastUpdate = null;
        Integer batteryLevel = null;
        OffsetDateTime batteryUpdate = null;
        List<Boolean> inputs = null;
        OffsetDateTime inputsUpdate = null;
        List<Boolean> outputs = null;
        OffsetDateTime outputsUpdate = null;
        OffsetDateTime actualTrackUpdate = null;
        Map<String, AdditionalValue> additional = null;
        Map<String, Object> extra = null;
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            try {
                switch (name) {
                    case "source_id" -> sourceId = longValue(p, ctxt);
                    case "gps" -> gps = gps(p, ctxt);
                    case "connection_status" -> connectionStatus = string(p, ctxt);
                    case "movement_status" -> movementStatus = string(p, ctxt);
                    case "movement_status_update" -> movementStatusUpdate = timestamp(p, ctxt);
                    case "ignition" -> ignition = bool(p, ctxt);
                    case "ignition_update" -> ignitionUpdate = timestamp(p, ctxt);
                    case "gsm" -> gsm = gsm(p, ctxt);
                    case "last_update" -> lastUpdate = timestamp(p, ctxt);
                    case "battery_level" -> batteryLevel = intValue(p, ctxt);
                    case "battery_update" -> batteryUpdate = timestamp(p, ctxt);
                    case "inputs" -> inputs = booleans(p, ctxt);
                    case "inputs_update" -> inputsUpdate = timestamp(p, ctxt);
                    case "outputs" -> outputs = booleans(p, ctxt);
                    case "outputs_update" -> outputsUpdate = timestamp(p, ctxt);
                    case "actual_track_update" -> actualTrackUpdate = timestamp(p, ctxt);
                    case "additional" -> additional = additional(p, ctxt);
                    default -> extra = extra(extra, name, p, ctxt);
                }
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, p.currentValue(), name); // keeps the field path for problem reports
            }
        }
        return new TrackerState(sourceId, gps, connectionStatus, movementStatus, movementStatusUpdate, ignition,
                ignitionUpdate, gsm, lastUpdate, batteryLevel, batteryUpdate, inputs, inputsUpdate, outputs,
                outputsUpdate, actualTrackUpdate, additional, extra);
    }

    private static Gps gps(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        OffsetDateTime updated = null;
        Integer signalLevel = null;
        Location location = null;
        Integer heading = null;
        Integer speed = null;
        Integer alt = null;
        Integer precision = null;
        Boolean gsmLbs = null;
        Map<String, Object> extra = null;
        for (JsonToken t = first(p, ctxt, Gps.class); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            try {
                switch (name) {
                    case "updated" -> updated = timestamp(p, ctxt);
                    case "signal_level" -> signalLevel = intValue(p, ctxt);
                    case "location" -> location = location(p, ctxt);
                    case "heading" -> heading = intValue(p, ctxt);
                    case "speed" -> speed = intValue(p, ctxt);
                    case "alt" -> alt = intValue(p, ctxt);
                    case "precision" -> precision = intValue(p, ctxt);
                    case "gsm_lbs" -> gsmLbs = bool(p, ctxt);
                    default -> extra = extra(extra, name, p, ctxt);
                }
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, p.currentValue(), name); // keeps the field path for problem reports
            }
        }
        return new Gps(updated, signalLevel, location, heading, speed, alt, precision, gsmLbs, extra);
    }

    private static Location location(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        Double lat = null;
        Double lng = null;
        Map<String, Object> extra = null;
        for (JsonToken t = first(p, ctxt, Location.class); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            try {
                switch (name) {
                    case "lat" -> lat = doubleValue(p, ctxt);
                    case "lng" -> lng = doubleValue(p, ctxt);
                    default -> extra = extra(extra, name, p, ctxt);
                }
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, p.currentValue(), name); // keeps the field path for problem reports
            }
        }
        return new Location(lat, lng, extra);
    }

    private static Gsm gsm(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        OffsetDateTime updated = null;
        Integer signalLevel = null;
        String networkName = null;
        Boolean roaming = null;
        Map<String, Object> extra = null;
        for (JsonToken t = first(p, ctxt, Gsm.class); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            try {
                switch (name) {
                    case "updated" -> updated = timestamp(p, ctxt);
                    case "signal_level" -> signalLevel = intValue(p, ctxt);
                    case "network_name" -> networkName = string(p, ctxt);
                    case "roaming" -> roaming = bool(p, ctxt);
                    default -> extra = extra(extra, name, p, ctxt);
                }
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, p.currentValue(), name); // keeps the field path for problem reports
            }
        }
        return new Gsm(updated, signalLevel, networkName, roaming, extra);
    }

    private static Map<String, AdditionalValue> additional(JsonParser p, DeserializationContext ctxt)
            throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            return ctxt.readValue(p, ctxt.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
                    AdditionalValue.class));
        }
        Map<String, AdditionalValue> out = new LinkedHashMap<>();
        for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            p.nextToken();
            out.put(key, additionalValue(p, ctxt));
        }
        return out;
    }

    private static AdditionalValue additionalValue(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String value = null;
        OffsetDateTime updated = null;
        Map<String, Object> extra = null;
        for (JsonToken t = first(p, ctxt, AdditionalValue.class); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            try {
                switch (name) {
                    case "value" -> value = string(p, ctxt);
                    case "updated" -> updated = timestamp(p, ctxt);
                    default -> extra = extra(extra, name, p, ctxt);
                }
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, p.currentValue(), name); // keeps the field path for problem reports
            }
        }
        return new AdditionalValue(value, updated, extra);
    }

    /** Moves into an object: the token after START_OBJECT, or the current FIELD_NAME / END_OBJECT. */
    private static JsonToken first(JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            return p.nextToken();
        }
        if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT) {
            return t;
        }
        ctxt.handleUnexpectedToken(type, p);
        return JsonToken.END_OBJECT; // not reached: the handler throws unless a problem handler recovered
    }

    private static Map<String, Object> extra(Map<String, Object> extra, String name, JsonParser p,
            DeserializationContext ctxt) throws IOException {
        Map<String, Object> out = extra == null ? new LinkedHashMap<>() : extra;
        out.put(name, p.currentToken() == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Object.class));
        return out;
    }

    private static OffsetDateTime timestamp(JsonParser p, DeserializationContext ctxt) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : TIMESTAMPS.deserialize(p, ctxt);
    }

    private static String string(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, String.class);
    }

    private static Long longValue(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Long.class);
    }

    private static Integer intValue(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Integer.class);
    }

    private static Double doubleValue(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Double.class);
    }

    private static Boolean bool(JsonParser p, DeserializationContext ctxt) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> ctxt.readValue(p, Boolean.class);
        };
    }

    private static List<Boolean> booleans(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            return ctxt.readValue(p, ctxt.getTypeFactory().constructCollectionType(ArrayList.class, Boolean.class));
        }
        List<Boolean> out = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            out.add(bool(p, ctxt));
        }
        return out;
    }
}
