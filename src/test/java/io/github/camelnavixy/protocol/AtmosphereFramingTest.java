package io.github.camelnavixy.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AtmosphereFramingTest {

    private static final String UUID = "b623a15d-9623-4fd8-a9d3-697036635c29";

    @Test
    void parsesDocumentedHandshake() {
        assertEquals(new Handshake(UUID, 30000, "X"), AtmosphereFraming.parseHandshake(UUID + "|30000|X|"));
    }

    @Test
    void parsesLengthPrefixedHandshake() {
        assertEquals(new Handshake(UUID, 30000, "X"), AtmosphereFraming.parseHandshake("45|" + UUID + "|30000|X|"));
    }

    @Test
    void parsesHandshakeWithoutPaddingUsingDefault() {
        assertEquals(new Handshake(UUID, 0, "X"), AtmosphereFraming.parseHandshake(UUID + "|0"));
    }

    @Test
    void keepsCustomPadding() {
        assertEquals(" ", AtmosphereFraming.parseHandshake(UUID + "|60000| |").padding());
    }

    @Test
    void rejectsSinglePartAsHandshake() {
        assertNull(AtmosphereFraming.parseHandshake(UUID));
        assertNull(AtmosphereFraming.parseHandshake("X"));
    }

    @Test
    void rejectsNonNumericIntervalAsHandshake() {
        assertNull(AtmosphereFraming.parseHandshake(UUID + "|soon|X|"));
    }

    @Test
    void rejectsJsonAsHandshake() {
        assertNull(AtmosphereFraming.parseHandshake("{\"a\":\"b|c\"}"));
    }

    @Test
    void stripsOnlyMatchingLengthPrefix() {
        assertEquals("X", AtmosphereFraming.stripLengthPrefix("1|X"));
        assertEquals("12|30000|X|", AtmosphereFraming.stripLengthPrefix("12|30000|X|"));
    }

    @Test
    void appendsConnectQueryToBareUrl() {
        assertEquals("wss://api.eu.navixy.com/v2/event/subscription?" + AtmosphereFraming.CONNECT_QUERY,
                AtmosphereFraming.withConnectQuery("wss://api.eu.navixy.com/v2/event/subscription"));
    }

    @Test
    void appendsConnectQueryAfterExistingQuery() {
        assertEquals("ws://h/p?a=1&" + AtmosphereFraming.CONNECT_QUERY, AtmosphereFraming.withConnectQuery("ws://h/p?a=1"));
        assertEquals("ws://h/p?" + AtmosphereFraming.CONNECT_QUERY, AtmosphereFraming.withConnectQuery("ws://h/p?"));
    }

    @Test
    void connectQueryMatchesOfficialClient() {
        assertEquals("X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=2.3.6-javascript"
                     + "&X-Atmosphere-Transport=websocket&Content-Type=application/json&X-atmo-protocol=true",
                AtmosphereFraming.CONNECT_QUERY);
    }
}
