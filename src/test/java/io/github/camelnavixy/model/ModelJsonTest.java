package io.github.camelnavixy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    private final ObjectMapper mapper = NavixyJson.newMapper();

    private JsonNode stateData(String fixture) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
            return mapper.readTree(in).get("data");
        }
    }

    @Test
    void keepsUnknownTopLevelAndNestedFieldsInExtra() throws Exception {
        TrackerState s = mapper.treeToValue(stateData("state-with-unknown-fields.json"), TrackerState.class);

        assertEquals(Boolean.TRUE, s.extra().get("future_flag"));
        assertEquals(Map.of("km", 120.5, "source", "can"), s.extra().get("odometer_hint"));
        assertEquals(11, s.gps().extra().get("satellites"));
        assertEquals(4, s.gps().location().extra().get("accuracy_m"));
        assertEquals(42, s.gps().speed());
    }

    @Test
    void roundTripKeepsEveryField() throws Exception {
        JsonNode original = stateData("state-with-unknown-fields.json");
        TrackerState s = mapper.treeToValue(original, TrackerState.class);

        String json = NavixyJson.writer().writeValueAsString(s);
        TrackerState again = mapper.readValue(json, TrackerState.class);

        assertEquals(s, again);
        JsonNode written = mapper.readTree(json);
        assertEquals(original.get("odometer_hint"), written.get("odometer_hint"));
        assertEquals(original.get("gps").get("satellites"), written.get("gps").get("satellites"));
        assertEquals("2025-10-08T18:31:30-06:00", written.get("gps").get("updated").asText());
    }

    @Test
    void writesSnakeCaseNamesWithoutExtraProperty() throws Exception {
        JsonNode written = mapper.valueToTree(
                new Location(14.330065796228606, -90.99037259141691, Map.of("accuracy_m", 4)));

        assertEquals(14.330065796228606, written.get("lat").asDouble());
        assertEquals(4, written.get("accuracy_m").asInt());
        assertNull(written.get("extra"));
    }

    @Test
    void bindsCompactStateWithMissingFieldsAsNull() throws Exception {
        TrackerState s;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/seed-compact-source-state.json")) {
            s = mapper.readValue(in, TrackerState.class);
        }

        assertEquals(10284L, s.sourceId());
        assertEquals("parked", s.movementStatus());
        assertNull(s.gsm());
        assertNull(s.inputs());
        assertNull(s.additional());
        assertTrue(s.extra().isEmpty());
    }

    @Test
    void plainObjectMapperBindsRecordsWithSnakeCaseAndExtras() throws Exception {
        ObjectMapper plain = new ObjectMapper();

        TrackerReadings r = plain.readValue("{\"tracker_id\":5,\"virtual_sensors\":[{\"label\":\"Hood\","
                + "\"value\":\"Closed\",\"update_time\":\"2023-06-28 06:05:59\"}],\"type\":\"readings_event\"}",
                TrackerReadings.class);

        assertEquals(5L, r.trackerId());
        assertEquals("Closed", r.virtualSensors().get(0).value());
        assertEquals(OffsetDateTime.parse("2023-06-28T06:05:59Z"), r.virtualSensors().get(0).updateTime());
        assertEquals("readings_event", r.extra().get("type"));
    }

    @Test
    void makesCollectionsUnmodifiable() throws Exception {
        TrackerState s = mapper.readValue("{\"inputs\":[true],\"x\":1}", TrackerState.class);

        assertThrows(UnsupportedOperationException.class, () -> s.inputs().add(false));
        assertThrows(UnsupportedOperationException.class, () -> s.extra().put("y", 2));
    }

    @Test
    void treatsMissingExtraAsEmptyMap() {
        assertEquals(Map.of(), new Location(1.0, 2.0, null).extra());
    }

    @Test
    void keepsPolymorphicStateReadingValues() throws Exception {
        List<StateReading> readings = List.of(mapper.readValue(
                "[{\"field\":\"a\",\"value\":8},{\"field\":\"b\",\"value\":\"on\"},{\"field\":\"c\",\"value\":1.5},"
                        + "{\"field\":\"d\",\"value\":false},{\"field\":\"e\",\"value\":null}]",
                StateReading[].class));

        assertEquals(8, readings.get(0).value());
        assertEquals("on", readings.get(1).value());
        assertEquals(1.5, readings.get(2).value());
        assertEquals(Boolean.FALSE, readings.get(3).value());
        assertNull(readings.get(4).value());
    }

    @Test
    void identifiesBatchEventNames() {
        assertTrue(NavixyEvent.isBatch("state_batch"));
        assertTrue(NavixyEvent.isBatch("readings_batch"));
        assertTrue(NavixyEvent.isBatch("iot_monitor"));
        assertEquals(false, NavixyEvent.isBatch("state"));
    }
}
