package io.github.camelnavixy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NavixyTimeTest {

    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    @Test
    void parsesIsoWithNegativeOffset() {
        assertEquals(OffsetDateTime.of(2025, 10, 8, 18, 31, 33, 0, ZoneOffset.ofHours(-6)),
                NavixyTime.parse("2025-10-08T18:31:33-06:00", MEXICO));
    }

    @Test
    void parsesIsoWithZ() {
        assertEquals(OffsetDateTime.of(2025, 2, 11, 15, 12, 58, 0, ZoneOffset.UTC),
                NavixyTime.parse("2025-02-11T15:12:58Z", MEXICO));
    }

    @Test
    void parsesIsoWithFractionalSeconds() {
        assertEquals(OffsetDateTime.of(2025, 2, 11, 15, 12, 58, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30)),
                NavixyTime.parse("2025-02-11T15:12:58.123456+05:30", null));
    }

    @Test
    void parsesCompactOffsetForms() {
        assertEquals(ZoneOffset.ofHours(2), NavixyTime.parse("2025-02-11T15:12:58+0200", null).getOffset());
        assertEquals(ZoneOffset.ofHours(-3), NavixyTime.parse("2025-02-11T15:12:58-03", null).getOffset());
    }

    @Test
    void parsesIsoWithoutSecondsThroughFallback() {
        assertEquals(OffsetDateTime.of(2025, 2, 11, 15, 12, 0, 0, ZoneOffset.UTC),
                NavixyTime.parse("2025-02-11T15:12Z", null));
    }

    @Test
    void placesPlainTimestampInGivenZone() {
        assertEquals(OffsetDateTime.of(2018, 10, 17, 12, 51, 55, 0, ZoneOffset.ofHours(-5)),
                NavixyTime.parse("2018-10-17 12:51:55", MEXICO)); // daylight saving time then
    }

    @Test
    void placesPlainTimestampInUtcWithoutZone() {
        assertEquals(OffsetDateTime.of(2018, 10, 17, 12, 51, 55, 0, ZoneOffset.UTC),
                NavixyTime.parse("2018-10-17 12:51:55", null));
    }

    @Test
    void readsEmptyAndBlankAsNull() {
        assertNull(NavixyTime.parse("", MEXICO));
        assertNull(NavixyTime.parse("  ", MEXICO));
        assertNull(NavixyTime.parse(null, MEXICO));
    }

    @Test
    void rejectsNonTimestamp() {
        assertThrows(DateTimeException.class, () -> NavixyTime.parse("yesterday", null));
        assertThrows(DateTimeException.class, () -> NavixyTime.parse("2025-13-40 10:00:00", null));
    }

    @Test
    void formatsIsoWithSeconds() {
        assertEquals("2025-02-11T15:12:00Z",
                NavixyTime.format(OffsetDateTime.of(2025, 2, 11, 15, 12, 0, 0, ZoneOffset.UTC)));
    }

    @Test
    void deserializerReadsZoneFromContextAttribute() throws Exception {
        ObjectMapper mapper = NavixyJson.newMapper();

        AdditionalValue v = mapper.readerFor(AdditionalValue.class)
                .withAttribute(NavixyTime.ZONE_ATTRIBUTE, "Asia/Tokyo")
                .readValue("{\"value\":\"1\",\"updated\":\"2025-01-01 09:00:00\"}");

        assertEquals(OffsetDateTime.parse("2025-01-01T09:00:00+09:00"), v.updated());
    }

    @Test
    void deserializerDefaultsToUtc() throws Exception {
        AdditionalValue v = NavixyJson.newMapper()
                .readValue("{\"updated\":\"2025-01-01 09:00:00\"}", AdditionalValue.class);

        assertEquals(OffsetDateTime.parse("2025-01-01T09:00:00Z"), v.updated());
    }

    @Test
    void deserializerReadsEmptyStringAsNull() throws Exception {
        AdditionalValue v = NavixyJson.newMapper().readValue("{\"updated\":\"\"}", AdditionalValue.class);

        assertNull(v.updated());
    }

    @Test
    void deserializerRejectsGarbage() {
        assertThrows(JsonMappingException.class,
                () -> NavixyJson.newMapper().readValue("{\"updated\":\"noon\"}", AdditionalValue.class));
    }

    @Test
    void plainObjectMapperUsesAnnotatedTimestampHandling() throws Exception {
        ObjectMapper plain = new ObjectMapper();

        LifecycleChange l = plain.readValue("{\"source_id\":1,\"timestamp\":\"2021-01-28 08:16:40\"}",
                LifecycleChange.class);

        assertEquals(OffsetDateTime.parse("2021-01-28T08:16:40Z"), l.timestamp());
        assertEquals("{\"source_id\":1,\"lifecycle_event\":null,\"timestamp\":\"2021-01-28T08:16:40Z\"}",
                plain.writeValueAsString(l));
    }
}
