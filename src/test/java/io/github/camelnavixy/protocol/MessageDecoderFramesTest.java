package io.github.camelnavixy.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.camelnavixy.model.UnknownItem;

import org.junit.jupiter.api.Test;

class MessageDecoderFramesTest extends DecoderSupport {

    private InboundMessage decodeBytes(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(b, 0, b.length);
    }

    @Test
    void decodesHeartbeatX() {
        assertSame(Heartbeat.INSTANCE, decoder.decode("X"));
        assertSame(Heartbeat.INSTANCE, decodeBytes("X"));
    }

    @Test
    void decodesWhitespacePaddingFrameAsHeartbeat() {
        String padding = " ".repeat(4098);

        assertSame(Heartbeat.INSTANCE, decoder.decode(padding));
        assertSame(Heartbeat.INSTANCE, decodeBytes(padding + "\r\n"));
    }

    @Test
    void decodesEmptyFrameAsHeartbeat() {
        assertSame(Heartbeat.INSTANCE, decoder.decode(""));
        assertSame(Heartbeat.INSTANCE, decoder.decode(new byte[0], 0, 0));
    }

    @Test
    void decodesLengthPrefixedHeartbeat() {
        assertSame(Heartbeat.INSTANCE, decoder.decode("1|X"));
    }

    @Test
    void decodesHandshakeFrame() {
        Handshake h = assertInstanceOf(Handshake.class,
                decodeBytes("b623a15d-9623-4fd8-a9d3-697036635c29|30000|X|"));

        assertEquals(new Handshake("b623a15d-9623-4fd8-a9d3-697036635c29", 30000, "X"), h);
    }

    @Test
    void decodesLengthPrefixedJsonMessage() {
        String json = "{\"type\":\"event\",\"event\":\"logout\",\"data\":\"é€\"}";

        InboundMessage m = decoder.decode(json.length() + "|" + json);

        assertEquals("é€", assertInstanceOf(EventMessage.class, m).event().items().get(0));
    }

    @Test
    void decodesJsonWithLeadingWhitespace() {
        InboundMessage m = decodeBytes("\n  {\"type\":\"event\",\"event\":\"logout\",\"data\":\"bye\"}");

        assertEquals("bye", ((EventMessage) m).event().items().get(0));
    }

    @Test
    void rejectsBrokenJson() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> decodeBytes("{\"type\":\"event\",\"event\":"));

        assertTrue(e.getMessage().contains("{\"type\":\"event\",\"event\":"), e.getMessage());
    }

    @Test
    void rejectsTextThatIsNeitherJsonNorAnAtmosphereFrame() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decodeBytes("garbage frame"));

        assertTrue(e.getMessage().contains("garbage frame"), e.getMessage());
    }

    @Test
    void decodesARunOfPaddingCharactersAsHeartbeat() {
        assertSame(Heartbeat.INSTANCE, decoder.decode("XXXX"));
    }

    @Test
    void rejectsJsonArrayFrame() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decoder.decode("[1,2]"));

        assertTrue(e.reason().contains("not an object"), e.getMessage());
    }

    @Test
    void rejectsUnknownMessageType() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> decoder.decode("{\"type\":\"notice\",\"data\":{}}"));

        assertTrue(e.reason().contains("notice"), e.getMessage());
    }

    @Test
    void rejectsMessageWithoutType() {
        assertThrows(MalformedFrameException.class, () -> decoder.decode("{\"event\":\"state\",\"data\":{}}"));
    }

    @Test
    void keepsUnknownBatchItemTypeAsUnknownItem() {
        String item = "{\"type\":\"mystery_event\",\"x\":1}";
        String frame = "{\"data\":[" + item + "],\"type\":\"event\",\"event\":\"state_batch\"}";

        EventMessage m = assertInstanceOf(EventMessage.class, decodeBytes(frame));

        assertEquals(List.of(new UnknownItem("mystery_event", item)), m.event().items());
        assertTrue(m.problems().isEmpty());
    }

    @Test
    void reportsBadTimestampAsProblemOfTheItem() {
        String frame = "{\"type\":\"event\",\"event\":\"state\",\"data\":{\"source_id\":1,\"last_update\":\"yesterday\"}}";

        EventMessage m = assertInstanceOf(EventMessage.class, decodeBytes(frame));

        assertTrue(m.event().items().isEmpty());
        assertEquals(1, m.problems().size());
        assertTrue(m.problems().get(0).reason().contains("last_update"), m.problems().get(0).getMessage());
    }

    @Test
    void cutsLongFrameInMessageAndGivesTotalLength() {
        String frame = "{\"type\":\"event\",\"event\":\"state\",\"data\":{\"source_id\":\"" + "a".repeat(5000) + "\"}";

        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decoder.decode(frame));

        assertTrue(e.getMessage().contains("… (" + frame.length() + " chars in total)"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, "message too long: " + e.getMessage().length());
    }

    @Test
    void masksHashValueInMalformedFrameMessage() {
        String frame = Fixtures.text("seed-dsa-subscribe-request.json");

        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decoder.decode(frame));

        assertFalse(e.getMessage().contains("6c638c52cb40729d5e6181a48f868649"), e.getMessage());
        assertTrue(e.getMessage().contains("\"hash\": \"***\""), e.getMessage());
    }

    @Test
    void masksHashCutInTheMiddleOfTheExcerpt() {
        String frame = "{\"x\":\"" + "y".repeat(180) + "\",\"hash\":\"6c638c52cb40729d5e6181a48f868649\"";

        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decodeBytes(frame));

        assertFalse(e.getMessage().contains("6c638c52"), e.getMessage());
    }

    @Test
    void keepsDecodingAfterMalformedFrame() {
        assertThrows(MalformedFrameException.class, () -> decoder.decode("{oops"));

        assertInstanceOf(EventMessage.class, decodeFixture("seed-logout.json"));
    }
}
