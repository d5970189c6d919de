package io.github.camelnavixy.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;

import io.github.camelnavixy.model.IotLastValues;
import io.github.camelnavixy.model.TrackerReadings;
import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.model.UnknownItem;
import org.junit.jupiter.api.Test;

/** One bad item must not cost the batch: each item is bound on its own. */
class MessageDecoderItemProblemsTest extends DecoderSupport {

    private static final String BAD_ITEMS = "state-batch-with-bad-items.json";

    private EventMessage decodeBytes(String frame) {
        byte[] b = frame.getBytes(StandardCharsets.UTF_8);
        return assertInstanceOf(EventMessage.class, decoder.decode(b, 0, b.length));
    }

    private static long sourceId(Object item) {
        return assertInstanceOf(TrackerState.class, item).sourceId();
    }

    @Test
    void deliversTheGoodItemsOfABatchWithBadItemsInOrder() {
        EventMessage m = assertInstanceOf(EventMessage.class, decodeFixture(BAD_ITEMS));

        List<Object> items = m.event().items();
        assertEquals(3, items.size());
        assertEquals(1L, sourceId(items.get(0)));
        assertInstanceOf(UnknownItem.class, items.get(1));
        assertEquals(6L, sourceId(items.get(2)));
    }

    @Test
    void reportsEachBadItemOnceWithEventAndPosition() {
        EventMessage m = assertInstanceOf(EventMessage.class, decodeFixture(BAD_ITEMS));

        List<String> reasons = m.problems().stream().map(MalformedFrameException::reason).toList();
        assertEquals(4, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("state_batch: user_time"), reasons.get(0));
        assertTrue(reasons.get(1).startsWith("state_batch item 1: cannot read 'gps.speed'"), reasons.get(1));
        assertTrue(reasons.get(2).startsWith("state_batch item 3: item has a 'state' but type 'readings_event'"),
                reasons.get(2));
        assertTrue(reasons.get(3).startsWith("state_batch item 4: cannot read 'last_update'"), reasons.get(3));
    }

    @Test
    void quotesTheBadItemNotTheFrame() {
        EventMessage m = assertInstanceOf(EventMessage.class, decodeFixture(BAD_ITEMS));

        assertTrue(m.problems().get(1).getMessage()
                .endsWith(": {\"state\":{\"source_id\":2,\"gps\":{\"speed\":\"fast\"}},\"type\":\"source_state_event\"}"),
                m.problems().get(1).getMessage());
    }

    @Test
    void masksHashInTheQuotedItem() {
        EventMessage m = assertInstanceOf(EventMessage.class, decodeFixture(BAD_ITEMS));

        String message = m.problems().get(3).getMessage();
        assertFalse(message.contains("6c638c52"), message);
        assertTrue(message.contains("\"hash\":\"***\""), message);
    }

    @Test
    void keepsItemOfUnknownTypeAsItsRawJson() {
        EventMessage m = assertInstanceOf(EventMessage.class, decodeFixture(BAD_ITEMS));

        assertEquals(new UnknownItem("sensor_event", "{\"type\":\"sensor_event\",\"sensor_id\":7,\"value\":3.5}"),
                m.event().items().get(1));
    }

    @Test
    void keepsItemWithUnknownTrailingTypeAsItsRawJson() {
        String item = "{\"tracker_id\":5,\"value\":{\"a\":[1,2]},\"type\":\"sensor_event\"}";

        EventMessage m = decodeBytes("{\"type\":\"event\",\"event\":\"readings_batch\",\"data\":[" + item + "]}");

        assertEquals(List.of(new UnknownItem("sensor_event", item)), m.event().items());
    }

    @Test
    void leavesUserTimeNullWhenItCannotBeParsed() {
        EventMessage m = assertInstanceOf(EventMessage.class, decodeFixture(BAD_ITEMS));

        assertNull(m.event().userTime());
    }

    @Test
    void readsEachItemOnItsOwnWhenTheEnvelopeComesFirst() {
        String text = Fixtures.text(BAD_ITEMS);
        String data = text.substring(text.indexOf('['), text.lastIndexOf(']') + 1);

        EventMessage m = decodeBytes("{\"type\":\"event\",\"event\":\"state_batch\",\"data\":" + data + "}");

        assertEquals(3, m.event().items().size());
        assertEquals(3, m.problems().size());
        assertTrue(m.problems().get(0).reason().startsWith("state_batch item 1:"), m.problems().get(0).reason());
    }

    @Test
    void reportsItemThatIsNotAnObjectAndKeepsTheRest() {
        EventMessage m = decodeBytes("{\"data\":[7,{\"source_id\":8}],\"type\":\"event\",\"event\":\"state_batch\"}");

        assertEquals(8L, sourceId(m.event().items().get(0)));
        assertEquals("state_batch item 0: item is a number, not an object: 7", m.problems().get(0).getMessage());
    }

    @Test
    void reportsBadEntryOfReadingsKeyedByTrackerIdAndKeepsTheOthers() {
        EventMessage m = decodeBytes("{\"type\":\"event\",\"event\":\"readings_batch\",\"data\":{"
                                     + "\"11\":{\"counters\":\"many\"},\"12\":{\"counters\":[]}}}");

        TrackerReadings r = assertInstanceOf(TrackerReadings.class, m.event().items().get(0));
        assertEquals(12L, r.trackerId());
        assertTrue(m.problems().get(0).reason().startsWith("readings_batch item 0 (tracker 11): cannot read 'counters'"),
                m.problems().get(0).reason());
    }

    @Test
    void reportsBadIotValueOfDataReadBeforeTheEnvelopeAndQuotesIt() {
        String bad = "{\"tracker_id\":\"twenty\"}";
        String frame = "{\"data\":{\"iot_last_values\":[{\"tracker_id\":20}," + bad + ",{\"tracker_id\":22}]},"
                       + "\"type\":\"event\",\"event\":\"iot_monitor\"}";

        EventMessage m = assertInstanceOf(EventMessage.class, decodeFixtureText(frame));

        assertEquals(List.of(20L, 22L),
                m.event().items().stream().map(i -> assertInstanceOf(IotLastValues.class, i).trackerId()).toList());
        assertTrue(m.problems().get(0).getMessage().startsWith("iot_monitor item 1: cannot read 'tracker_id'"),
                m.problems().get(0).getMessage());
        assertTrue(m.problems().get(0).getMessage().endsWith(": " + bad), m.problems().get(0).getMessage());
    }

    @Test
    void reportsOnlyTheFirstBadItemsOneByOneAndCountsTheRest() {
        StringBuilder frame = new StringBuilder("{\"type\":\"event\",\"event\":\"state_batch\",\"data\":[");
        for (int i = 0; i < DataItems.MAX_REPORTED_PROBLEMS + 5; i++) {
            frame.append(i == 0 ? "" : ",").append("{\"source_id\":\"x").append(i).append("\"}");
        }

        EventMessage m = decodeBytes(frame.append("]}").toString());

        assertEquals(DataItems.MAX_REPORTED_PROBLEMS + 1, m.problems().size());
        assertTrue(m.problems().get(DataItems.MAX_REPORTED_PROBLEMS).reason().startsWith("state_batch: 5 more items"),
                m.problems().get(DataItems.MAX_REPORTED_PROBLEMS).reason());
    }

    @Test
    void refusesMessageWithMoreItemsThanTheCap() {
        MessageDecoder capped = new MessageDecoder(ZoneOffset.UTC, 1024, 3);
        String frame = "{\"type\":\"event\",\"event\":\"state_batch\",\"data\":[{},{},{},{}]}";

        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> capped.decode(frame));

        assertEquals("more than 3 items in one message", e.reason());
    }

    @Test
    void acceptsMessageWithItemsUpToTheCap() {
        MessageDecoder capped = new MessageDecoder(ZoneOffset.UTC, 1024, 3);

        InboundMessage m = capped.decode("{\"type\":\"event\",\"event\":\"state_batch\",\"data\":[{},null,{\"source_id\":3}]}");

        assertEquals(1, assertInstanceOf(EventMessage.class, m).event().items().size());
    }

    /** Decodes a frame given as text the way {@link #decodeFixture} does: inside a larger array, and as text. */
    private InboundMessage decodeFixtureText(String frame) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[bytes.length + 9];
        System.arraycopy(bytes, 0, padded, 5, bytes.length);
        InboundMessage fromBytes = decoder.decode(padded, 5, bytes.length);
        assertSameDecoding(decoder.decode(frame), fromBytes, frame);
        return fromBytes;
    }
}
