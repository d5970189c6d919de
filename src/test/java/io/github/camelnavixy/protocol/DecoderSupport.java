package io.github.camelnavixy.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.github.camelnavixy.model.NavixyEvent;

/** Decodes fixtures the way the client does (from bytes) and checks the text path agrees. */
abstract class DecoderSupport {

    static final ZoneId ZONE = ZoneOffset.UTC;

    final MessageDecoder decoder = new MessageDecoder(ZONE);

    InboundMessage decodeFixture(String name) {
        byte[] bytes = Fixtures.bytes(name);
        // decode inside a larger array to prove offset/length are honoured
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        InboundMessage fromBytes = decoder.decode(padded, 3, bytes.length);
        InboundMessage fromText = decoder.decode(Fixtures.text(name));
        assertSameDecoding(fromText, fromBytes, name);
        return fromBytes;
    }

    /** Equal messages; for events, equal events and problem reasons (exceptions are not values). */
    static void assertSameDecoding(InboundMessage expected, InboundMessage actual, String name) {
        if (expected instanceof EventMessage e && actual instanceof EventMessage a) {
            assertEquals(e.event(), a.event(), "bytes and text decoding differ for " + name);
            assertEquals(reasons(e), reasons(a), "bytes and text decoding report other problems for " + name);
        } else {
            assertEquals(expected, actual, "bytes and text decoding differ for " + name);
        }
    }

    private static List<String> reasons(EventMessage m) {
        return m.problems().stream().map(MalformedFrameException::reason).toList();
    }

    NavixyEvent eventOf(String name) {
        return assertInstanceOf(EventMessage.class, decodeFixture(name)).event();
    }
}
