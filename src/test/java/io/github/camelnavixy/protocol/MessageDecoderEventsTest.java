package io.github.camelnavixy.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.github.camelnavixy.model.IotLastValues;
import io.github.camelnavixy.model.IotValue;
import io.github.camelnavixy.model.LifecycleChange;
import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.model.SensorInput;
import io.github.camelnavixy.model.TrackerReadings;
import io.github.camelnavixy.model.TrackerState;
import org.junit.jupiter.api.Test;

class MessageDecoderEventsTest extends DecoderSupport {

    private static OffsetDateTime utc(String local) {
        return OffsetDateTime.parse(local + "Z");
    }

    @Test
    void decodesDocumentedStateEvent() {
        NavixyEvent event = eventOf("seed-state.json");

        assertEquals("state", event.name());
        assertFalse(event.batch());
        assertEquals(utc("2018-10-17T12:51:55"), event.userTime());
        assertEquals(1, event.items().size());
        TrackerState s = assertInstanceOf(TrackerState.class, event.items().get(0));
        assertEquals(10284L, s.sourceId());
        assertEquals(14.330065796228606, s.gps().location().lat());
        assertEquals(-90.99037259141691, s.gps().location().lng());
        assertEquals(100, s.gps().signalLevel());
        assertEquals(248, s.gps().heading());
        assertEquals(0, s.gps().speed());
        assertEquals(431, s.gps().alt());
        assertEquals(utc("2018-10-17T12:51:43"), s.gps().updated());
        assertEquals("active", s.connectionStatus());
        assertEquals("parked", s.movementStatus());
        assertEquals(Boolean.FALSE, s.ignition());
        assertNull(s.gsm());
        assertNull(s.batteryLevel());
        assertNull(s.batteryUpdate());
        assertEquals(8, s.inputs().size());
        assertEquals(utc("2018-10-04T22:47:07"), s.actualTrackUpdate());
        assertTrue(s.extra().isEmpty());
    }

    @Test
    void decodesDocumentedStateBatchWithBareItems() {
        NavixyEvent event = eventOf("seed-state-batch.json");

        assertEquals("state_batch", event.name());
        assertTrue(event.batch());
        assertEquals(utc("2018-10-17T12:51:55"), event.userTime());
        TrackerState s = assertInstanceOf(TrackerState.class, event.items().get(0));
        assertEquals(10284L, s.sourceId());
        assertEquals(14.330065796228606, s.gps().location().lat());
    }

    @Test
    void decodesObservedStateBatchWithWrappedItemsAndDataFirst() {
        NavixyEvent event = eventOf("state-batch-observed.json");

        assertEquals("state_batch", event.name());
        assertTrue(event.batch());
        assertNull(event.userTime());
        assertEquals(2, event.items().size());
        TrackerState first = assertInstanceOf(TrackerState.class, event.items().get(0));
        assertEquals(10433582L, first.sourceId());
        assertEquals(19.4326077, first.gps().location().lat());
        assertEquals(57, first.gps().speed());
        assertEquals(OffsetDateTime.of(2025, 10, 8, 18, 31, 20, 0, ZoneOffset.ofHours(-6)), first.gps().updated());
        assertEquals("TELCEL", first.gsm().networkName());
        assertNull(first.gsm().roaming());
        assertEquals("42", first.additional().get("event_code").value());
        assertEquals("00000000000001234567", first.additional().get("hardware_key").value());
        assertEquals(List.of(true, false, false), first.inputs());
        TrackerState second = assertInstanceOf(TrackerState.class, event.items().get(1));
        assertEquals(10433590L, second.sourceId());
        assertEquals("offline", second.connectionStatus());
        assertEquals(250_000_000, second.gps().updated().getNano());
        assertEquals(ZoneOffset.UTC, second.lastUpdate().getOffset());
    }

    @Test
    void decodesStateBatchWithInlineLifecycleItems() {
        NavixyEvent event = eventOf("state-batch-with-lifecycle-items.json");

        assertEquals(2, event.items().size());
        TrackerState s = assertInstanceOf(TrackerState.class, event.items().get(0));
        assertEquals(10284L, s.sourceId());
        assertEquals(List.of(true, false), s.outputs());
        LifecycleChange l = assertInstanceOf(LifecycleChange.class, event.items().get(1));
        assertEquals(123456L, l.sourceId());
        assertEquals("block", l.lifecycleEvent());
        assertEquals(utc("2021-01-28T08:16:40"), l.timestamp());
    }

    @Test
    void decodesObservedReadingsBatch() {
        NavixyEvent event = eventOf("readings-batch-observed.json");

        assertEquals("readings_batch", event.name());
        assertTrue(event.batch());
        TrackerReadings r = assertInstanceOf(TrackerReadings.class, event.items().get(0));
        assertEquals(3435108L, r.trackerId());
        assertEquals(OffsetDateTime.of(2025, 10, 8, 18, 31, 24, 0, ZoneOffset.ofHours(-6)), r.timestamp());
        SensorInput in = r.inputs().get(0);
        assertEquals("Board power", in.label());
        assertEquals("board_voltage", in.name());
        assertEquals(4628240L, in.sensorId());
        assertEquals(12.93, in.value());
        assertEquals("volt", in.unitsType());
        assertNull(in.convertedValue());
        assertEquals(8, r.states().get(0).value());
        assertEquals("1HGCM82633A004352", r.states().get(1).value());
        assertEquals(87.5, r.states().get(2).value());
        assertEquals(Boolean.TRUE, r.states().get(3).value());
        assertNull(r.states().get(4).value());
        assertTrue(r.virtualSensors().isEmpty());
        assertEquals("odometer", r.counters().get(0).type());
        assertEquals(56509.30, r.counters().get(0).value());
    }

    @Test
    void decodesDocumentedReadingsMapKeyedByTrackerId() {
        NavixyEvent event = eventOf("readings-batch-documented-map.json");

        assertEquals(2, event.items().size());
        TrackerReadings first = assertInstanceOf(TrackerReadings.class, event.items().get(0));
        assertEquals(10181215L, first.trackerId());
        assertEquals(List.of(37651L, 37652L), first.inputs().get(0).compositeSensorIds());
        assertEquals(480.0, first.inputs().get(0).maxValue());
        assertEquals("On", first.virtualSensors().get(0).value());
        assertEquals(37644L, first.virtualSensors().get(0).sensorId());
        assertEquals(3232.9923342688653, first.counters().get(0).value());
        TrackerReadings second = assertInstanceOf(TrackerReadings.class, event.items().get(1));
        assertEquals(10038816L, second.trackerId());
        assertNull(second.virtualSensors());
        assertEquals(20854.422727641213, second.counters().get(0).value());
    }

    @Test
    void typesItemsOfMislabelledReadingsSampleByTheirOwnType() {
        NavixyEvent event = eventOf("readings-batch-mislabelled.json");

        assertEquals("state_batch", event.name());
        TrackerReadings typed = assertInstanceOf(TrackerReadings.class, event.items().get(0));
        assertEquals(10181215L, typed.trackerId());
        assertEquals("Closed", typed.virtualSensors().get(0).value());
        TrackerReadings bare = assertInstanceOf(TrackerReadings.class, event.items().get(1));
        assertEquals(10038816L, bare.trackerId());
        assertEquals(utc("2021-01-28T08:16:41"), bare.timestamp());
    }

    @Test
    void rejectsLiteralDocumentedReadingsSampleAsMalformed() {
        String frame = Fixtures.text("seed-readings-batch-mislabelled.txt");

        assertThrows(MalformedFrameException.class, () -> decoder.decode(frame));
    }

    @Test
    void decodesReadingsBatchWithTrailingTypeLifecycleItem() {
        NavixyEvent event = eventOf("readings-batch-with-lifecycle-items.json");

        assertInstanceOf(TrackerReadings.class, event.items().get(0));
        LifecycleChange l = assertInstanceOf(LifecycleChange.class, event.items().get(1));
        assertEquals(123457L, l.sourceId());
        assertEquals("corrupt", l.lifecycleEvent());
        assertEquals(utc("2021-01-28T08:16:41"), l.timestamp());
    }

    @Test
    void decodesIotMonitorEvent() {
        NavixyEvent event = eventOf("seed-iot-monitor.json");

        assertEquals("iot_monitor", event.name());
        assertTrue(event.batch());
        IotLastValues v = assertInstanceOf(IotLastValues.class, event.items().get(0));
        assertEquals(21080L, v.trackerId());
        IotValue latitude = v.nonnullFields().get("latitude").get(0);
        assertEquals("5.9654133", latitude.value());
        assertEquals(OffsetDateTime.parse("2025-02-11T15:12:58Z"), latitude.msgTime());
        assertEquals(10, v.nonnullFields().get("satellites").get(0).value());
        assertEquals(43, v.allFields().get("speed").get(0).value());
        assertNull(v.allFields().get("lls_level_1").get(0).value());
        assertEquals(OffsetDateTime.parse("2025-02-11T15:12:59Z"), v.allFields().get("lls_level_1").get(0).srvTime());
    }

    @Test
    void decodesDsaIotMonitorSample() {
        NavixyEvent event = eventOf("seed-dsa-iot-monitor.json");

        IotLastValues v = assertInstanceOf(IotLastValues.class, event.items().get(0));
        assertEquals("262.9138", v.nonnullFields().get("lls_level_1").get(0).value());
    }

    @Test
    void decodesDocumentedLifecycleEvent() {
        NavixyEvent event = eventOf("seed-lifecycle.json");

        assertEquals("lifecycle", event.name());
        assertFalse(event.batch());
        LifecycleChange l = assertInstanceOf(LifecycleChange.class, event.items().get(0));
        assertEquals(123456L, l.sourceId());
        assertEquals("block", l.lifecycleEvent());
        assertNull(l.timestamp());
    }

    @Test
    void decodesLifecycleEventWrappingLifecycleItem() {
        NavixyEvent event = eventOf("lifecycle-wrapped.json");

        LifecycleChange l = assertInstanceOf(LifecycleChange.class, event.items().get(0));
        assertEquals(123456L, l.sourceId());
        assertEquals("unblock", l.lifecycleEvent());
        assertEquals(utc("2021-01-28T08:16:40"), l.timestamp());
    }

    @Test
    void decodesLogoutReason() {
        NavixyEvent event = eventOf("seed-logout.json");

        assertEquals("logout", event.name());
        assertEquals(List.of("session closed"), event.items());
    }

    @Test
    void keepsUnknownEventAsRawFrameText() {
        NavixyEvent event = eventOf("unknown-event.json");

        assertEquals("geofence_alert", event.name());
        assertFalse(event.batch());
        assertEquals(List.of(Fixtures.text("unknown-event.json")), event.items());
    }

    @Test
    void interpretsLocalTimestampsInConfiguredZone() {
        MessageDecoder guatemala = new MessageDecoder(java.time.ZoneId.of("America/Guatemala"));

        EventMessage m = (EventMessage) guatemala.decode(Fixtures.text("seed-state.json"));

        assertEquals(OffsetDateTime.parse("2018-10-17T12:51:55-06:00"), m.event().userTime());
        TrackerState s = (TrackerState) m.event().items().get(0);
        assertEquals(OffsetDateTime.parse("2018-10-17T12:51:43-06:00"), s.gps().updated());
    }

    @Test
    void makesEventItemsUnmodifiable() {
        NavixyEvent event = eventOf("seed-state-batch.json");

        assertThrows(UnsupportedOperationException.class, () -> event.items().add("x"));
    }

    @Test
    void decodesEventWithoutDataAsNoItems() {
        NavixyEvent event = ((EventMessage) decoder.decode("{\"type\":\"event\",\"event\":\"state_batch\"}")).event();

        assertTrue(event.items().isEmpty());
    }

    @Test
    void decodesDataFirstStateEventThroughBuffer() {
        String frame = "{\"data\":{\"source_id\":7,\"gps\":{\"speed\":81}},\"event\":\"state\",\"type\":\"event\"}";

        NavixyEvent event = ((EventMessage) decoder.decode(frame)).event();

        TrackerState s = assertInstanceOf(TrackerState.class, event.items().get(0));
        assertEquals(7L, s.sourceId());
        assertEquals(81, s.gps().speed());
    }

    @Test
    void decodesDataFirstIotMonitorArrayAsIotValues() {
        String frame = "{\"data\":[{\"tracker_id\":5,\"nonnull_fields\":{\"speed\":[{\"value\":3}]}}],"
                       + "\"type\":\"event\",\"event\":\"iot_monitor\"}";

        NavixyEvent event = ((EventMessage) decoder.decode(frame)).event();

        IotLastValues v = assertInstanceOf(IotLastValues.class, event.items().get(0));
        assertEquals(3, v.nonnullFields().get("speed").get(0).value());
    }

    @Test
    void convertsWrapperWithLateStateKeepingUserZone() {
        MessageDecoder guatemala = new MessageDecoder(java.time.ZoneId.of("America/Guatemala"));
        String frame = "{\"type\":\"event\",\"event\":\"state_batch\",\"data\":[{\"seq\":1,"
                       + "\"state\":{\"source_id\":9,\"last_update\":\"2018-10-17 12:51:46\"},\"type\":\"source_state_event\"}]}";

        NavixyEvent event = ((EventMessage) guatemala.decode(frame)).event();

        TrackerState s = assertInstanceOf(TrackerState.class, event.items().get(0));
        assertEquals(9L, s.sourceId());
        assertEquals(OffsetDateTime.parse("2018-10-17T12:51:46-06:00"), s.lastUpdate());
    }
}
