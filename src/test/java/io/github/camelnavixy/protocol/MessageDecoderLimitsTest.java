package io.github.camelnavixy.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.camelnavixy.model.NavixyJson;
import org.junit.jupiter.api.Test;

/** The server does not get to hurt the client: limits on prefixes, nesting, lengths and size. */
class MessageDecoderLimitsTest extends DecoderSupport {

    private static String stateWithExtra(String name, String json) {
        return "{\"type\":\"event\",\"event\":\"state\",\"data\":{\"source_id\":1,\"" + name + "\":" + json + "}}";
    }

    private String limitReason(String frame) {
        return assertThrows(MalformedFrameException.class, () -> decoder.decode(frame)).reason();
    }

    @Test
    void stripsAtMostOneLengthPrefix() {
        assertThrows(MalformedFrameException.class, () -> decoder.decode("3|1|X"));
    }

    @Test
    void readsDeeplyNestedLengthPrefixesAsOnePrefixAndTheRest() {
        // 20,000 prefixes, each giving the exact length of the rest: built from the inside out
        List<Integer> lengths = new ArrayList<>();
        int length = 1;
        for (int i = 0; i < 20_000; i++) {
            lengths.add(length);
            length += String.valueOf(length).length() + 1;
        }
        StringBuilder frame = new StringBuilder(length);
        for (int i = lengths.size() - 1; i >= 0; i--) {
            frame.append(lengths.get(i)).append('|');
        }
        String nested = frame.append('X').toString();

        // one prefix is stripped; the rest, "<digits>|<digits>|…", is a handshake with a numeric id (as Atmosphere
        // allows); before, each prefix cost a copy and a recursion, and this frame overflowed the stack
        Handshake h = assertInstanceOf(Handshake.class, decoder.decode(nested));
        assertEquals(String.valueOf(lengths.get(lengths.size() - 2)), h.trackingId());
    }

    @Test
    void refusesJsonNestedDeeperThanTheLimit() {
        int depth = NavixyJson.MAX_NESTING_DEPTH + 1;
        String frame = stateWithExtra("deep", "[".repeat(depth) + "]".repeat(depth));

        assertTrue(limitReason(frame).startsWith("message over a JSON limit"), limitReason(frame));
    }

    @Test
    void refusesStringLongerThanTheLimit() {
        String frame = stateWithExtra("long", "\"" + "a".repeat(NavixyJson.MAX_STRING_LENGTH + 1) + "\"");

        assertTrue(limitReason(frame).startsWith("message over a JSON limit"), limitReason(frame));
    }

    @Test
    void refusesNumberLongerThanTheLimit() {
        String frame = stateWithExtra("big", "1".repeat(NavixyJson.MAX_NUMBER_LENGTH + 1));

        assertTrue(limitReason(frame).startsWith("message over a JSON limit"), limitReason(frame));
    }

    @Test
    void refusesFieldNameLongerThanTheLimit() {
        String frame = stateWithExtra("n".repeat(NavixyJson.MAX_NAME_LENGTH + 1), "1");

        assertTrue(limitReason(frame).startsWith("message over a JSON limit"), limitReason(frame));
    }

    @Test
    void acceptsValuesJustWithinTheLimits() {
        int depth = NavixyJson.MAX_NESTING_DEPTH - 3; // the envelope, data and item take three levels
        String frame = stateWithExtra("n".repeat(NavixyJson.MAX_NAME_LENGTH), "[".repeat(depth) + "]".repeat(depth));

        assertEquals(1, assertInstanceOf(EventMessage.class, decoder.decode(frame)).event().items().size());
    }

    @Test
    void refusesMessageLongerThanMaxMessageSize() {
        String frame = "{\"type\":\"event\",\"event\":\"logout\",\"data\":\"bye\"}";
        MessageDecoder small = new MessageDecoder(ZoneOffset.UTC, frame.length() - 1);

        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> small.decode(frame));

        assertEquals("message longer than " + (frame.length() - 1) + " bytes", e.reason());
    }

    @Test
    void decodesMessageOfExactlyMaxMessageSize() {
        String frame = "{\"type\":\"event\",\"event\":\"logout\",\"data\":\"bye\"}";
        MessageDecoder exact = new MessageDecoder(ZoneOffset.UTC, frame.length());

        assertInstanceOf(EventMessage.class, exact.decode(frame));
    }

    @Test
    void treatsControlCharactersAlikeInBytesAndText() {
        for (String frame : List.of("\u0001\u0002", "\u000b{}", "\u00a0X", "\f", " \t\r\n")) {
            byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
            assertEquals(outcome(() -> decoder.decode(frame)), outcome(() -> decoder.decode(bytes, 0, bytes.length)),
                    "frame " + frame.codePoints().boxed().toList());
        }
    }

    @Test
    void takesOnlyJsonWhitespaceAsBlank() {
        assertSame(Heartbeat.INSTANCE, decoder.decode(" \t\r\n"));
        assertThrows(MalformedFrameException.class, () -> decoder.decode("\u0001\u0002"));
    }

    @Test
    void replacesControlCharactersOfServerTextInReasons() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> decoder.decode("{\"type\":\"fake\\nINFO forged log line\"}"));

        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.reason().contains("fake?INFO forged log line"), e.reason());
    }

    private static String outcome(java.util.function.Supplier<InboundMessage> decode) {
        try {
            return decode.get().getClass().getSimpleName();
        } catch (MalformedFrameException e) {
            return "malformed: " + e.reason();
        }
    }
}
