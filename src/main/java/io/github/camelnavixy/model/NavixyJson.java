package io.github.camelnavixy.model;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one place that knows how Navixy JSON maps to the model: snake_case names, unknown fields tolerated (the
 * records keep them anyway), timestamps in both Navixy formats and written as ISO-8601. Decoder, simulator and tests
 * use it so they agree.
 */
public final class NavixyJson {

    private static final ObjectMapper SHARED = newMapper();

    private NavixyJson() {
    }

    /** A new, fully configured mapper the caller owns and may reconfigure. */
    public static ObjectMapper newMapper() {
        SimpleModule timestamps = new SimpleModule("navixy-timestamps");
        timestamps.addDeserializer(OffsetDateTime.class, new NavixyTimestampDeserializer());
        timestamps.addSerializer(OffsetDateTime.class, new NavixyTimestampSerializer());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(timestamps)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER) // perf: every state has lat/lng (issue 8)
                .build();
    }

    /** A thread-safe writer of model values (and anything else) as JSON. */
    public static ObjectWriter writer() {
        return SHARED.writer();
    }

    /**
     * The JSON text of a model value, in Navixy's own field names (snake_case) with ISO-8601 timestamps; what the
     * {@code navixy-source} Kamelet sends on. A {@code String} (a logout reason, or an unknown event's raw JSON) is
     * returned unchanged, so text that already is JSON is not quoted a second time.
     *
     * @param  value               a model record, a list of them, or text
     * @return                     JSON text, or {@code null} for {@code null}
     * @throws UncheckedIOException if Jackson cannot write the value
     */
    public static String toJson(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        try {
            return SHARED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * A thread-safe reader for a model type.
     *
     * @param type model type
     * @param zone zone for timestamps without offset (Navixy's user time zone); {@code null} means UTC
     */
    public static ObjectReader readerFor(Class<?> type, ZoneId zone) {
        ObjectReader reader = SHARED.readerFor(type);
        return zone == null ? reader : reader.withAttribute(NavixyTime.ZONE_ATTRIBUTE, zone);
    }
}
