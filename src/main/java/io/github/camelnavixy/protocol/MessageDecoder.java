package io.github.camelnavixy.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.model.NavixyJson;
import io.github.camelnavixy.model.NavixyTime;

/**
 * Turns one WebSocket text message into an {@link InboundMessage}.
 * <p>
 * Built for the hot path: it parses the UTF-8 bytes with Jackson's streaming parser and binds {@code data} straight
 * into model records. The real server writes {@code data} before {@code type} and {@code event}; a batch array is
 * then still read in the same pass (its items name their own type), anything else is held in a {@link TokenBuffer}
 * and bound once the envelope is known. Only odd frames (e.g. an array {@code data} that turns out not to be a
 * batch) are parsed a second time.
 * <p>
 * Not thread-safe: use one per connection (it is cheap, and reusable for every frame).
 */
public final class MessageDecoder {

    private static final ObjectMapper MAPPER = NavixyJson.newMapper();

    private final ZoneId zone;
    private final EventDataReader data;
    private final ObjectReader treeReader;

    // the frame being decoded, kept only to quote it in an error message
    private byte[] frameBytes;
    private int frameOffset;
    private int frameLength;
    private String frameText;

    /**
     * @param zone the user's time zone, for timestamps sent without offset; {@code null} means UTC
     */
    public MessageDecoder(ZoneId zone) {
        this.zone = zone == null ? ZoneOffset.UTC : zone;
        this.data = new EventDataReader(MAPPER, this.zone);
        this.treeReader = MAPPER.reader();
    }

    /**
     * Decodes a frame given as UTF-8 bytes (e.g. a Vert.x buffer's bytes), without decoding it to a String first.
     *
     * @throws MalformedFrameException when the frame is broken JSON, not an object, or of an unknown type
     */
    public InboundMessage decode(byte[] utf8, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end && isSpace(utf8[i])) {
            i++;
        }
        if (i == end) {
            return Heartbeat.INSTANCE;
        }
        if (utf8[i] != '{' && utf8[i] != '[') {
            return decodeText(new String(utf8, offset, length, StandardCharsets.UTF_8));
        }
        frameBytes = utf8;
        frameOffset = offset;
        frameLength = length;
        frameText = null;
        try {
            return decodeJson(false);
        } finally {
            frameBytes = null;
        }
    }

    /**
     * Decodes a frame given as text.
     *
     * @throws MalformedFrameException when the frame is broken JSON, not an object, or of an unknown type
     */
    public InboundMessage decode(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && text.charAt(i) <= ' ') {
            i++;
        }
        if (i == n) {
            return Heartbeat.INSTANCE;
        }
        char c = text.charAt(i);
        if (c != '{' && c != '[') {
            return decodeText(text);
        }
        frameBytes = null;
        frameText = text;
        try {
            return decodeJson(false);
        } finally {
            frameText = null;
        }
    }

    /** Non-JSON text: handshake, length-prefixed message, or a heartbeat of some kind. */
    private InboundMessage decodeText(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return Heartbeat.INSTANCE;
        }
        String unprefixed = AtmosphereFraming.stripLengthPrefix(trimmed);
        if (!unprefixed.equals(trimmed)) {
            return decode(unprefixed);
        }
        int bar = trimmed.indexOf('|');
        if (bar > 0 && bar + 1 < trimmed.length() && trimmed.charAt(bar + 1) == '{' && isDigits(trimmed, bar)) {
            return decode(trimmed.substring(bar + 1)); // a length prefix that does not add up: still JSON
        }
        Handshake handshake = AtmosphereFraming.parseHandshake(trimmed);
        if (handshake != null) {
            return handshake;
        }
        if (isPadding(trimmed)) {
            return Heartbeat.INSTANCE;
        }
        // Atmosphere sends nothing else that is not JSON, so this frame is reported rather than silently dropped.
        throw MalformedFrameException.of("not JSON and not an Atmosphere handshake or heartbeat", text, null);
    }

    /** Heartbeat and padding frames repeat one character ({@code X}, or the padding the handshake named). */
    private static boolean isPadding(String trimmed) {
        char first = trimmed.charAt(0);
        for (int i = 1; i < trimmed.length(); i++) {
            if (trimmed.charAt(i) != first) {
                return false;
            }
        }
        return trimmed.length() <= 8 || first == 'X';
    }

    private JsonParser openParser() throws IOException {
        return frameBytes != null
                ? MAPPER.createParser(frameBytes, frameOffset, frameLength)
                : MAPPER.createParser(frameText);
    }

    /**
     * @param safe when true, data seen before the envelope is always buffered (the fallback after a speculative
     *             read went wrong)
     */
    private InboundMessage decodeJson(boolean safe) {
        boolean[] speculated = new boolean[1];
        try (JsonParser p = openParser()) {
            InboundMessage m = envelope(p, safe, speculated);
            if (m == null) {
                return decodeJson(true);
            }
            return m;
        } catch (BadFrame e) {
            if (speculated[0] && !safe) {
                return decodeJson(true);
            }
            throw malformed(e.getMessage(), null);
        } catch (JacksonException e) {
            if (speculated[0] && !safe) {
                return decodeJson(true);
            }
            throw malformed("invalid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw malformed("unreadable frame (" + e.getMessage() + ")", e);
        }
    }

    /** One pass over the top-level object; {@code null} asks for a safe second pass. */
    private InboundMessage envelope(JsonParser p, boolean safe, boolean[] speculated) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new BadFrame("frame is JSON but not an object");
        }
        String type = null;
        String event = null;
        String action = null;
        String userTime = null;
        List<String> events = null;
        JsonNode status = null;
        boolean hasData = false;
        List<Object> items = null;
        TokenBuffer buffered = null;
        JsonNode dataTree = null;

        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "type" -> type = EventDataReader.scalarText(p);
                case "event" -> event = EventDataReader.scalarText(p);
                case "action" -> action = EventDataReader.scalarText(p);
                case "user_time" -> userTime = EventDataReader.scalarText(p);
                case "events" -> events = strings(p);
                case "status" -> status = treeReader.readTree(p);
                case "data" -> {
                    hasData = true;
                    if ("event".equals(type) && event != null) {
                        items = data.read(event, p);
                    } else if (type != null && !"event".equals(type)) {
                        dataTree = treeReader.readTree(p);
                    } else if (v == JsonToken.START_ARRAY && !safe) {
                        speculated[0] = true;
                        items = data.selfTypedItems(p);
                    } else {
                        buffered = new TokenBuffer(p, null);
                        buffered.copyCurrentStructure(p);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            throw new BadFrame("more than one JSON value in the frame");
        }
        if (type == null) {
            throw new BadFrame("message has no 'type'");
        }
        switch (type) {
            case "event":
                if (event == null) {
                    throw new BadFrame("event message has no 'event' name");
                }
                if (speculated[0] && !NavixyEvent.STATE_BATCH.equals(event)
                        && !NavixyEvent.READINGS_BATCH.equals(event)) {
                    return null; // an array that is not a batch: read it again knowing the event
                }
                if (buffered != null) {
                    try (JsonParser bp = buffered.asParserOnFirstToken()) {
                        items = data.read(event, bp);
                    }
                } else if (!hasData) {
                    items = EventDataReader.withoutData(event);
                }
                if (items == null) {
                    items = new ArrayList<>(1);
                    items.add(rawText());
                }
                return new EventMessage(new NavixyEvent(event, time(userTime), NavixyEvent.isBatch(event), items));
            case "response":
                if (speculated[0]) {
                    return null;
                }
                return ResponseReader.subscription(action, events, tree(dataTree, buffered));
            case "error":
                if (speculated[0]) {
                    return null;
                }
                return ResponseReader.error(action, status, tree(dataTree, buffered));
            default:
                throw new BadFrame("unknown message type '" + type + "'");
        }
    }

    private JsonNode tree(JsonNode tree, TokenBuffer buffered) throws IOException {
        if (tree != null || buffered == null) {
            return tree;
        }
        try (JsonParser bp = buffered.asParserOnFirstToken()) {
            return treeReader.readTree(bp);
        }
    }

    private static List<String> strings(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        if (p.currentToken() == JsonToken.START_ARRAY) {
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t.isScalarValue()) {
                    out.add(t == JsonToken.VALUE_NULL ? null : p.getText());
                } else {
                    p.skipChildren();
                }
            }
        } else {
            p.skipChildren();
        }
        return out;
    }

    private OffsetDateTime time(String text) {
        try {
            return NavixyTime.parse(text, zone);
        } catch (DateTimeException e) {
            throw new BadFrame("user_time '" + text + "' is not a timestamp");
        }
    }

    private String rawText() {
        return frameBytes != null
                ? new String(frameBytes, frameOffset, frameLength, StandardCharsets.UTF_8)
                : frameText;
    }

    private MalformedFrameException malformed(String reason, Throwable cause) {
        return frameBytes != null
                ? MalformedFrameException.of(reason, frameBytes, frameOffset, frameLength, cause)
                : MalformedFrameException.of(reason, frameText, cause);
    }

    private static boolean isDigits(String s, int end) {
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
