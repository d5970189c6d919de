package io.github.camelnavixy.model;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Jackson deserializer for Navixy timestamps (see {@link NavixyTime}): ISO-8601 with offset, or a local
 * {@code yyyy-MM-dd HH:mm:ss} placed in the zone of the {@link NavixyTime#ZONE_ATTRIBUTE} context attribute
 * (UTC when absent). An empty string is {@code null}.
 */
public final class NavixyTimestampDeserializer extends StdScalarDeserializer<OffsetDateTime> {

    private static final long serialVersionUID = 1L;

    public NavixyTimestampDeserializer() {
        super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            ZoneId zone = NavixyTime.zoneOf(ctxt.getAttribute(NavixyTime.ZONE_ATTRIBUTE));
            char[] chars = p.getTextCharacters();
            int offset = p.getTextOffset();
            int length = p.getTextLength();
            TimestampCache cache = TimestampCache.current();
            OffsetDateTime known = cache.get(chars, offset, length, zone);
            if (known != null) {
                return known;
            }
            String text = new String(chars, offset, length);
            try {
                OffsetDateTime parsed = NavixyTime.parse(text, zone);
                cache.put(chars, offset, length, zone, parsed);
                return parsed;
            } catch (DateTimeException e) {
                return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text,
                        "not a Navixy timestamp (expected ISO-8601 with offset or yyyy-MM-dd HH:mm:ss)");
            }
        }
        if (t == JsonToken.VALUE_EMBEDDED_OBJECT && p.getEmbeddedObject() instanceof OffsetDateTime odt) {
            return odt;
        }
        return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
    }
}
