package io.github.camelnavixy.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageDecoderResponsesTest extends DecoderSupport {

    private SubscriptionResponse responseOf(String fixture) {
        return assertInstanceOf(SubscriptionResponse.class, decodeFixture(fixture));
    }

    @Test
    void decodesDocumentedSubscribeResponseWithEveryStatus() {
        SubscriptionResponse r = responseOf("subscribe-response-documented.json");

        assertEquals("subscription/subscribe", r.action());
        assertFalse(r.isUnsubscribe());
        assertEquals(List.of("state"), r.events());
        SubscriptionResult state = r.results().get("state");
        assertTrue(state.success());
        Map<Long, TrackerStatus> expected = new LinkedHashMap<>();
        expected.put(15564L, TrackerStatus.NORMAL);
        expected.put(15565L, TrackerStatus.BLOCKED);
        expected.put(15568L, TrackerStatus.UNKNOWN);
        expected.put(15570L, TrackerStatus.DISALLOWED);
        expected.put(15571L, TrackerStatus.UNRECOGNISED);
        assertEquals(expected, state.statuses());
    }

    @Test
    void decodesObservedSubscribeResponseWithoutSuccessAndDataFirst() {
        SubscriptionResponse r = responseOf("subscribe-response-observed.json");

        assertEquals(List.of("state_batch", "readings_batch"), r.events());
        assertEquals(2, r.results().size());
        for (SubscriptionResult result : r.results().values()) {
            assertTrue(result.success());
            assertEquals(Map.of(3435108L, TrackerStatus.NORMAL, 3437670L, TrackerStatus.NORMAL), result.statuses());
        }
    }

    @Test
    void decodesLegacySubscribeResponseWithBareStatusMap() {
        SubscriptionResult state = responseOf("subscribe-response-legacy.json").results().get("state");

        assertTrue(state.success());
        assertEquals(Map.of(15564L, TrackerStatus.NORMAL, 15565L, TrackerStatus.BLOCKED), state.statuses());
    }

    @Test
    void decodesDsaSubscribeResponseSample() {
        SubscriptionResult state = responseOf("seed-dsa-subscribe-response.json").results().get("state");

        assertTrue(state.success());
        assertEquals(TrackerStatus.BLOCKED, state.statuses().get(15565L));
    }

    @Test
    void treatsSuccessFalseWithoutValueAsFailedSubRequest() {
        SubscriptionResponse r = responseOf("subscribe-response-failed.json");

        assertTrue(r.results().get("state").success());
        SubscriptionResult iot = r.results().get("iot_monitor");
        assertFalse(iot.success());
        assertTrue(iot.statuses().isEmpty());
    }

    @Test
    void treatsSubResponseWithoutValueAsFailed() {
        InboundMessage m = decoder.decode(
                "{\"type\":\"response\",\"action\":\"subscription/subscribe\",\"data\":{\"state\":{\"success\":true}}}");

        assertFalse(((SubscriptionResponse) m).results().get("state").success());
    }

    @Test
    void decodesLegacyUnsubscribeResponseWithArrayData() {
        SubscriptionResponse r = responseOf("unsubscribe-response-legacy.json");

        assertTrue(r.isUnsubscribe());
        assertEquals(List.of("state"), r.events());
        assertTrue(r.results().isEmpty());
    }

    @Test
    void decodesUnsubscribeResponseWithArrayDataBeforeType() {
        SubscriptionResponse r = responseOf("unsubscribe-response-observed-order.json");

        assertTrue(r.isUnsubscribe());
        assertEquals(List.of("state_batch"), r.events());
    }

    @Test
    void decodesErrorWithObjectData() {
        ErrorResponse e = assertInstanceOf(ErrorResponse.class, decodeFixture("error-object-data.json"));

        assertEquals("subscription/subscribe", e.action());
        assertEquals(3, e.code());
        assertEquals("Wrong hash", e.description());
        assertEquals("{\"events\":[\"state\"],\"trackers\":[15564]}", e.dataJson());
    }

    @Test
    void decodesErrorWithStringDataBeforeType() {
        ErrorResponse e = assertInstanceOf(ErrorResponse.class, decodeFixture("error-string-data.json"));

        assertEquals("null", e.action());
        assertEquals(15, e.code());
        assertEquals("\"Too many requests\"", e.dataJson());
    }

    @Test
    void decodesErrorWithoutData() {
        ErrorResponse e = (ErrorResponse) decoder.decode(
                "{\"type\":\"error\",\"action\":null,\"status\":{\"code\":4,\"description\":\"Session ended\"}}");

        assertNull(e.action());
        assertEquals(4, e.code());
        assertNull(e.dataJson());
    }
}
