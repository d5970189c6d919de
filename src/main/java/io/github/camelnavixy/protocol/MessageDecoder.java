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
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.model.NavixyJson;
import io.github.camelnavixy.model.NavixyTime;

/**
 * Turns one WebSocket text message into an {@link InboundMessage}.
 * <p>
 * Built for the hot path: it parses the UTF-8 bytes with Jackson's streaming parser and binds {@code data} straight
 * into model records, item by item (see {@link EventDataReader}). The real server writes {@code data} before
 * {@code type} and {@code event}; a batch array is then still read in the same pass (its items name their own type),
 * anything else is skipped, and its bytes are read again once the envelope is known.
 * <p>
 * A server does not get to hurt the client: parsers carry {@linkplain NavixyJson#serverReadConstraints(long) limits}
 * (document length = {@code maxMessageSize}, nesting, string, number and name lengths), at most one Atmosphere length
 * prefix is stripped, and a message holds at most {@code maxItems} items. A decoded {@code state_batch} of observed
 * items retains about 2.2 heap bytes per wire byte, but items of a few bytes each ({@code {"a":1}}) retain about 36,
 * so that 64 MiB of them would retain over 2 GB; the default cap of {@value #DEFAULT_MAX_ITEMS} items bounds that to
 * about 30 MB while leaving room for the largest real batch (a 64 MiB {@code state_batch} of observed items holds
 * about 74,000).
 * <p>
 * Not thread-safe: use one per connection (it is cheap, and reusable for every frame).
 */
public final class MessageDecoder {

    /** Longest message decoded by default, in bytes: the default {@code maxMessageSize}. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024 * 1024;
    /** Most items (batch elements) one message may hold by default; a message with more is malformed. */
    public static final int DEFAULT_MAX_ITEMS = 100_000;

    // shared so every connection reuses the same bound deserializers; the limits belong to the parsers, not the mapper
    private static final ObjectMapper MAPPER = NavixyJson.newMapper();

    private final ZoneId zone;
    private final int maxMessageSize;
    private final int maxItems;
    private final JsonFactory parsers;
    private final EventDataReader data;
    private final ObjectReader treeReader;

    // the frame being decoded
    private byte[] frame;
    private int frameOffset;
    private int frameLength;
    private String frameText; // the frame as given, when it was given as text (only to quote it in chars)

    /**
     * A decoder with the default limits ({@value #DEFAULT_MAX_MESSAGE_SIZE} bytes, {@value #DEFAULT_MAX_ITEMS} items).
     *
     * @param zone the user's time zone, for timestamps sent without offset; {@code null} means UTC
     */
    public MessageDecoder(ZoneId zone) {
        this(zone, DEFAULT_MAX_MESSAGE_SIZE);
    }

    /**
     * @param zone           the user's time zone, for timestamps sent without offset; {@code null} means UTC
     * @param maxMessageSize longest message decoded, in bytes; a longer one is malformed
     */
    public MessageDecoder(ZoneId zone, int maxMessageSize) {
        this(zone, maxMessageSize, DEFAULT_MAX_ITEMS);
    }

    /**
     * @param zone           the user's time zone, for timestamps sent without offset; {@code null} means UTC
     * @param maxMessageSize longest message decoded, in bytes; a longer one is malformed
     * @param maxItems       most items one message may hold; a message with more is malformed
     */
    public MessageDecoder(ZoneId zone, int maxMessageSize, int maxItems) {
        if (maxMessageSize <= 0 || maxItems <= 0) {
            throw new IllegalArgumentException("maxMessageSize and maxItems must be positive");
        }
        this.zone = zone == null ? ZoneOffset.UTC : zone;
        this.maxMessageSize = maxMessageSize;
        this.maxItems = maxItems;
        this.parsers = NavixyJson.newServerFactory(maxMessageSize);
        this.data = new EventDataReader(MAPPER, this.zone);
        this.treeReader = MAPPER.reader();
    }

    /**
     * Decodes a frame given as UTF-8 bytes (e.g. a Vert.x buffer's bytes), without decoding it to a String first.
     *
     * @throws MalformedFrameException when the frame is broken JSON, not an object, of an unknown type, too long or
     *                                 over a limit; problems with single items are reported in the
     *                                 {@link EventMessage} instead
     */
    public InboundMessage decode(byte[] utf8, int offset, int length) {
        frame = utf8;
        frameOffset = offset;
        frameLength = length;
        try {
            return classify();
        } finally {
            frame = null;
            frameText = null;
        }
    }

    /**
     * Decodes a frame given as text, exactly as its UTF-8 bytes would be.
     *
     * @throws MalformedFrameException as {@link #decode(byte[], int, int)}
     */
    public InboundMessage decode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        frameText = text;
        return decode(utf8, 0, utf8.length);
    }

    private InboundMessage classify() {
        if (frameLength > maxMessageSize) {
            throw malformed("message longer than " + maxMessageSize + " bytes", null);
        }
        int end = frameOffset + frameLength;
        int i = frameOffset;
        while (i < end && AtmosphereFraming.isSpace(frame[i])) {
            i++;
        }
        if (i == end) {
            return Heartbeat.INSTANCE;
        }
        int json = frame[i] == '{' || frame[i] == '[' ? i : AtmosphereFraming.prefixedJsonStart(frame, i, end);
        if (json < 0) {
            return decodeText(AtmosphereFraming.trim(new String(frame, i, end - i, StandardCharsets.UTF_8)));
        }
        return decodeJson(json, end);
    }

    /** Non-JSON text, already trimmed and not empty: handshake, or a heartbeat of some kind. */
    private InboundMessage decodeText(String text) {
        Handshake handshake = AtmosphereFraming.parseHandshake(text);
        if (handshake != null) {
            return handshake;
        }
        String body = AtmosphereFraming.stripLengthPrefix(text);
        if (body.isEmpty() || isPadding(body)) {
            return Heartbeat.INSTANCE;
        }
        // Atmosphere sends nothing else that is not JSON, so this frame is reported rather than silently dropped.
        throw malformed("not JSON and not an Atmosphere handshake or heartbeat", null);
    }

    /** Heartbeat and padding frames repeat one character ({@code X}, or the padding the handshake named). */
    private static boolean isPadding(String text) {
        char first = text.charAt(0);
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) != first) {
                return false;
            }
        }
        return text.length() <= 8 || first == 'X';
    }

    private InboundMessage decodeJson(int start, int end) {
        try (JsonParser p = parsers.createParser(frame, start, end - start)) {
            return envelope(p, start, end);
        } catch (BadFrame e) {
            throw malformed(e.getMessage(), null);
        } catch (JacksonException e) {
            StreamConstraintsException limit = limitIn(e);
            throw limit != null
                    ? malformed("message over a JSON limit (" + limit.getOriginalMessage() + ")", e)
                    : malformed("invalid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw malformed("unreadable frame (" + e.getMessage() + ")", e);
        }
    }

    /** One pass over the top-level object at {@code frame[base, end)}. */
    private InboundMessage envelope(JsonParser p, int base, int end) throws IOException {
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
        DataItems items = null; // data read as the items of a known or guessed event
        boolean knownEvent = true;
        boolean speculated = false; // items were read before the event was known
        JsonNode dataTree = null;
        long dataStart = -1; // data read before the envelope was known: its bytes, to read again
        long dataEnd = -1;

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
                    items = null;
                    dataTree = null;
                    dataStart = -1;
                    speculated = false;
                    if ("event".equals(type) && event != null) {
                        items = new DataItems(frame, base, maxItems);
                        knownEvent = data.read(event, p, items);
                    } else if (type != null && !"event".equals(type)) {
                        dataTree = treeReader.readTree(p);
                    } else {
                        dataStart = EventDataReader.tokenStart(p);
                        if (v == JsonToken.START_ARRAY) {
                            // most likely a batch, whose items type themselves: read it now, in the same pass
                            speculated = true;
                            items = new DataItems(frame, base, maxItems);
                            data.selfTypedItems(p, items);
                            dataEnd = EventDataReader.tokenStart(p) + 1;
                        } else {
                            dataEnd = EventDataReader.valueEnd(p);
                        }
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
                if (speculated && !NavixyEvent.STATE_BATCH.equals(event) && !NavixyEvent.READINGS_BATCH.equals(event)) {
                    items = null; // an array that is not a batch: read it again knowing the event
                }
                if (items == null && dataStart >= 0) {
                    knownEvent = EventDataReader.knows(event);
                    if (knownEvent) {
                        items = new DataItems(frame, base + (int) dataStart, maxItems);
                        try (JsonParser dp = dataParser(base, dataStart, dataEnd)) {
                            data.read(event, dp, items);
                        }
                    }
                }
                return event(event, userTime, hasData, knownEvent, items, base, end);
            case "response":
                return ResponseReader.subscription(action, events, tree(dataTree, base, dataStart, dataEnd));
            case "error":
                return ResponseReader.error(action, status, tree(dataTree, base, dataStart, dataEnd));
            default:
                throw new BadFrame("unknown message type '" + ServerText.safe(type, 60) + "'");
        }
    }

    private EventMessage event(String event, String userTime, boolean hasData, boolean knownEvent, DataItems items,
            int base, int end) {
        List<MalformedFrameException> problems = new ArrayList<>(0);
        OffsetDateTime time = null;
        try {
            time = NavixyTime.parse(userTime, zone);
        } catch (DateTimeException e) {
            problems.add(malformed(ServerText.safe(event, 60) + ": user_time '" + ServerText.safe(userTime, 60)
                    + "' is not a timestamp; the event is delivered without it", null));
        }
        List<Object> list;
        if (!hasData) {
            list = EventDataReader.withoutData(event);
        } else if (!knownEvent) {
            list = new ArrayList<>(1);
            list.add(new String(frame, base, end - base, StandardCharsets.UTF_8));
        } else {
            list = items.items();
            for (DataItems.Problem problem : items.problems()) {
                problems.add(itemProblem(event, problem));
            }
            if (items.unreported() > 0) {
                problems.add(malformed(ServerText.safe(event, 60) + ": " + items.unreported()
                        + " more items could not be read (only the first " + DataItems.MAX_REPORTED_PROBLEMS
                        + " are reported one by one)", null));
            }
        }
        return new EventMessage(new NavixyEvent(event, time, NavixyEvent.isBatch(event), list), problems);
    }

    private MalformedFrameException itemProblem(String event, DataItems.Problem problem) {
        String where = ServerText.safe(event, 60) + " item " + problem.position()
                + (problem.key() == null ? "" : " (tracker " + problem.key() + ")");
        return MalformedFrameException.of(where + ": " + problem.reason(), frame, problem.start(),
                problem.end() - problem.start(), null);
    }

    /** A parser on the data bytes remembered at parser offsets {@code [start, end)}, on their first token. */
    private JsonParser dataParser(int base, long start, long end) throws IOException {
        JsonParser p = parsers.createParser(frame, base + (int) start, (int) (end - start));
        p.nextToken();
        return p;
    }

    private JsonNode tree(JsonNode tree, int base, long start, long end) throws IOException {
        if (tree != null || start < 0) {
            return tree;
        }
        try (JsonParser p = dataParser(base, start, end)) {
            return treeReader.readTree(p);
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

    /** The exceeded limit behind a failure, also when binding wrapped it. */
    private static StreamConstraintsException limitIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                return limit;
            }
        }
        return null;
    }

    private MalformedFrameException malformed(String reason, Throwable cause) {
        return frameText != null
                ? MalformedFrameException.of(reason, frameText, cause)
                : MalformedFrameException.of(reason, frame, frameOffset, frameLength, cause);
    }
}
