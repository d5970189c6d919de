package io.github.camelnavixy.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.ZoneId;
import java.time.ZoneOffset;

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
        assertEquals(fromText, fromBytes, "bytes and text decoding differ for " + name);
        return fromBytes;
    }

    NavixyEvent eventOf(String name) {
        return assertInstanceOf(EventMessage.class, decodeFixture(name)).event();
    }
}
