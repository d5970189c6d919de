package io.github.camelnavixy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class NavixyJsonServerLimitsTest {

    private static final String AUTH_REPLY = "{\"success\":true,\"hash\":\"22eac1c27af4be7b9d04da2ce1af111b\"}";

    @Test
    void serverReaderReadsADocumentWithinItsLength() throws Exception {
        JsonNode reply = NavixyJson.serverReader(AUTH_REPLY.length()).readTree(AUTH_REPLY);

        assertEquals("22eac1c27af4be7b9d04da2ce1af111b", reply.get("hash").asText());
    }

    @Test
    void serverReaderRefusesAStreamedDocumentLongerThanItsLength() {
        String longReply = "{\"success\":true,\"padding\":\"" + " ".repeat(20_000) + "\"}";
        ByteArrayInputStream body = new ByteArrayInputStream(longReply.getBytes(StandardCharsets.UTF_8));

        assertThrows(StreamConstraintsException.class, () -> NavixyJson.serverReader(10_000).readTree(body));
    }

    @Test
    void serverReaderRefusesDeepNesting() {
        int depth = NavixyJson.MAX_NESTING_DEPTH + 1;

        assertThrows(StreamConstraintsException.class,
                () -> NavixyJson.serverReader(1000).readTree("[".repeat(depth) + "]".repeat(depth)));
    }

    @Test
    void serverMapperBindsModelValuesWithTheLimits() throws Exception {
        var mapper = NavixyJson.newServerMapper(1000);

        assertEquals(7L, mapper.readValue("{\"source_id\":7}", TrackerState.class).sourceId());
        assertThrows(StreamConstraintsException.class, () -> mapper.readValue(
                "{\"source_id\":" + "1".repeat(NavixyJson.MAX_NUMBER_LENGTH + 1) + "}", TrackerState.class));
    }

    @Test
    void refusesANonPositiveDocumentLength() {
        assertThrows(IllegalArgumentException.class, () -> NavixyJson.serverReadConstraints(0));
    }
}
