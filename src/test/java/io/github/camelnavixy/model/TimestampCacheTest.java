package io.github.camelnavixy.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Timestamps read through the per-thread cache come out as a fresh parse would, zone included. */
class TimestampCacheTest {

    private static OffsetDateTime read(String json, ZoneId zone) throws Exception {
        return NavixyJson.readerFor(TrackerState.class, zone).<TrackerState>readValue(json).lastUpdate();
    }

    @Test
    void theSameLocalTextInAnotherZoneIsNotServedFromTheCache() throws Exception {
        String json = "{\"last_update\":\"2025-10-08 18:31:20\"}";

        OffsetDateTime guatemala = read(json, ZoneId.of("America/Guatemala"));
        OffsetDateTime utc = read(json, ZoneOffset.UTC);

        assertThat(guatemala).isEqualTo(OffsetDateTime.parse("2025-10-08T18:31:20-06:00"));
        assertThat(utc).isEqualTo(OffsetDateTime.parse("2025-10-08T18:31:20Z"));
    }

    @Test
    void aRepeatedTextGivesTheSameInstant() throws Exception {
        String json = "{\"last_update\":\"2025-10-08T18:31:20-06:00\",\"gps\":{\"updated\":\"2025-10-08T18:31:20-06:00\"}}";
        TrackerState state = NavixyJson.readerFor(TrackerState.class, null).readValue(json);

        assertThat(state.gps().updated()).isEqualTo(state.lastUpdate())
                .isEqualTo(OffsetDateTime.parse("2025-10-08T18:31:20-06:00"));
    }
}
