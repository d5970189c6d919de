package io.github.camelnavixy.model;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
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
 * <p>
 * JSON that comes from a server (WebSocket messages, {@code user/auth} replies) is read only through a
 * {@linkplain #newServerFactory(long) server factory}, whose limits a real Navixy message never comes near but which
 * stop a broken or hostile server from making one message cost unbounded stack, CPU or heap:
 * <ul>
 * <li>document length: the caller's limit (the WebSocket's {@code maxMessageSize});</li>
 * <li>nesting depth {@value #MAX_NESTING_DEPTH}: real messages nest at most 7 levels (envelope, {@code data},
 *     {@code iot_last_values}, item, {@code all_fields}, attribute array, value);</li>
 * <li>string length {@value #MAX_STRING_LENGTH} characters: the longest real strings are labels, network names and
 *     {@code additional} values of a few dozen characters;</li>
 * <li>number length {@value #MAX_NUMBER_LENGTH} characters: real numbers are ids and doubles of at most 20;</li>
 * <li>field name length {@value #MAX_NAME_LENGTH} characters: real names are snake_case words and tracker ids.</li>
 * </ul>
 * Beyond a limit Jackson throws a {@code StreamConstraintsException} and the whole message is malformed. Jackson
 * counts the document length as it loads input from a stream or reader; a caller that holds the whole document in
 * memory (a byte array, a short String) checks its length itself, as {@code MessageDecoder} does.
 */
public final class NavixyJson {

    /** Deepest nesting of objects and arrays accepted in server JSON. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest string value (in characters) accepted in server JSON. */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /** Longest number (in characters) accepted in server JSON. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Longest field name (in characters) accepted in server JSON. */
    public static final int MAX_NAME_LENGTH = 1_000;

    private static final ObjectMapper SHARED = newMapper();

    private NavixyJson() {
    }

    /** A new, fully configured mapper the caller owns and may reconfigure; Jackson's default read limits. */
    public static ObjectMapper newMapper() {
        return configure(JsonMapper.builder());
    }

    /**
     * A new mapper like {@link #newMapper()} whose parsers apply the {@linkplain #serverReadConstraints(long) server
     * limits}: the one to read anything a server sent with.
     *
     * @param maxDocumentLength longest document accepted, in bytes (or characters for text input)
     */
    public static ObjectMapper newServerMapper(long maxDocumentLength) {
        return configure(JsonMapper.builder(newServerFactory(maxDocumentLength)));
    }

    /**
     * A thread-safe reader of server JSON (trees, or model values with {@code forType}), with the server limits.
     *
     * @param maxDocumentLength longest document accepted, in bytes (or characters for text input)
     */
    public static ObjectReader serverReader(long maxDocumentLength) {
        return SHARED.reader().with(newServerFactory(maxDocumentLength));
    }

    /**
     * A factory for parsers of server JSON, with the server limits. Parsers made by it can be bound with the readers of
     * any Navixy mapper: the limits belong to the parser.
     *
     * @param maxDocumentLength longest document accepted, in bytes (or characters for text input)
     */
    public static JsonFactory newServerFactory(long maxDocumentLength) {
        return JsonFactory.builder().streamReadConstraints(serverReadConstraints(maxDocumentLength)).build();
    }

    /** The limits for server JSON, see the class comment. */
    public static StreamReadConstraints serverReadConstraints(long maxDocumentLength) {
        if (maxDocumentLength <= 0) {
            throw new IllegalArgumentException("maxDocumentLength must be positive: " + maxDocumentLength);
        }
        return StreamReadConstraints.builder()
                .maxDocumentLength(maxDocumentLength)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build();
    }

    /**
     * A thread-safe reader for a model type (REST answers: tracker/list, track/read).
     *
     * @param type model type
     * @param zone zone for timestamps without offset (Navixy's user time zone); {@code null} means UTC
     */
    public static ObjectReader readerFor(Class<?> type, java.time.ZoneId zone) {
        ObjectReader reader = SHARED.readerFor(type);
        return zone == null ? reader : reader.withAttribute(NavixyTime.ZONE_ATTRIBUTE, zone);
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

    private static ObjectMapper configure(JsonMapper.Builder builder) {
        SimpleModule timestamps = new SimpleModule("navixy-timestamps");
        timestamps.addDeserializer(OffsetDateTime.class, new NavixyTimestampDeserializer());
        timestamps.addSerializer(OffsetDateTime.class, new NavixyTimestampSerializer());
        return builder
                .addModule(new JavaTimeModule())
                .addModule(timestamps)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER) // every state has lat/lng: measured in docs/performance.md
                .build();
    }
}
