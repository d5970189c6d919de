package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subscribe/unsubscribe, responses, snapshots and events in the observed shape. */
class SimulatorProtocolTest {

    Vertx vertx;
    NavixySimulator sim;
    static final String KEY = NavixySimulator.DEFAULT_API_KEY;

    /** A fresh simulator for every test: faults, silences and counters never leak into the next one. */
    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sim = NavixySimulator.builder().tickInterval(Duration.ofMillis(50)).blocked(1003L).disallowed(1004L)
                .build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
        vertx.close();
    }

    static List<String> keys(JsonNode n) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void stateBatchResponseAndSnapshotInObservedShape() {
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            c.send("{\"action\":\"subscribe\",\"hash\":\"" + KEY + "\",\"iso_datetime\":true,\"requests\":["
                    + "{\"type\":\"state_batch\",\"target\":{\"type\":\"selected\",\"tracker_ids\":[1001,1002,1003,1004,4242]},\"rate_limit\":\"1s\"}]}");
            JsonNode response = c.next().json();
            assertEquals(List.of("events", "data", "type", "action"), keys(response));
            assertEquals("response", response.path("type").asText());
            assertEquals("subscription/subscribe", response.path("action").asText());
            assertEquals("state_batch", response.path("events").get(0).asText());
            JsonNode value = response.path("data").path("state_batch").path("value");
            assertEquals("normal", value.path("1001").asText());
            assertEquals("normal", value.path("1002").asText());
            assertEquals("blocked", value.path("1003").asText());
            assertEquals("disallowed", value.path("1004").asText());
            assertEquals("unknown", value.path("4242").asText());
            assertFalse(response.path("data").path("state_batch").has("success"));

            JsonNode batch = c.next().json();
            assertEquals(List.of("data", "type", "event"), keys(batch));
            assertEquals("state_batch", batch.path("event").asText());
            assertEquals(2, batch.path("data").size(), "only the normal trackers");
            JsonNode item = batch.path("data").get(0);
            assertEquals("source_state_event", item.path("type").asText());
            JsonNode state = item.path("state");
            assertEquals(sim.sourceIdOf(1001), state.path("source_id").asLong());
            assertTrue(state.path("gps").path("location").path("lat").isDouble());
            assertTrue(state.path("gps").path("speed").isInt());
            assertTrue(state.path("last_update").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-06:00"),
                    state.path("last_update").asText());
            assertTrue(state.has("additional"));
            assertFalse(batch.has("user_time"));
        }
    }

    @Test
    void stateSubscriptionSendsOneEventPerTrackerWithPlainTimestamps() {
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            c.send(SimTestClient.subscribe(KEY, "[{\"type\":\"state\",\"trackers\":[1001,1002],\"format\":\"compact\"}]"));
            assertEquals("response", c.next().json().path("type").asText());
            JsonNode first = c.next().json();
            JsonNode second = c.next().json();
            assertEquals("state", first.path("event").asText());
            assertNotEquals(first.path("data").path("source_id").asLong(), second.path("data").path("source_id").asLong());
            JsonNode data = first.path("data");
            assertEquals(List.of("source_id", "gps", "connection_status", "movement_status", "movement_status_update",
                    "ignition", "ignition_update", "last_update", "inputs", "outputs"), keys(data));
            assertTrue(first.path("user_time").asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
            // and later ticks keep sending state events
            c.nextEvent("state");
            await().until(() -> sim.connections().stream()
                    .anyMatch(i -> i.subscriptions().stream().anyMatch(s -> s.type().equals("state"))));
        }
    }

    @Test
    void readingsAndIotMonitorSnapshots() {
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            c.send(SimTestClient.subscribe(KEY, "[{\"type\":\"readings_batch\",\"target\":{\"type\":\"all\"}},"
                    + "{\"type\":\"iot_monitor\",\"target\":{\"type\":\"selected\",\"tracker_ids\":[1001]},\"rate_limit\":\"5s\",\"flow_id\":1}]"));
            JsonNode response = c.next().json();
            assertEquals(10, response.path("data").path("readings_batch").path("value").size());
            JsonNode readings = c.nextEvent("readings_batch").json();
            JsonNode r = readings.path("data").get(0);
            assertEquals(List.of("tracker_id", "inputs", "states", "virtual_sensors", "counters", "timestamp", "type"), keys(r));
            assertEquals("readings_event", r.path("type").asText());
            assertEquals("odometer", r.path("counters").get(0).path("type").asText());
            assertEquals(8, readings.path("data").size(), "blocked 1003 and disallowed 1004 left out");
            JsonNode iot = c.nextEvent("iot_monitor").json();
            JsonNode values = iot.path("data").path("iot_last_values").get(0);
            assertEquals(1001, values.path("tracker_id").asLong());
            assertTrue(values.path("nonnull_fields").path("latitude").get(0).path("value").isTextual());
            assertTrue(values.path("all_fields").path("speed").get(0).path("msg_time").asText().endsWith("Z"));
        }
    }

    @Test
    void badHashGetsCode3AndRevokedKeyCode4() {
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            c.send(SimTestClient.subscribe("00000000000000000000000000000000",
                    "[{\"type\":\"state\",\"trackers\":[1001]}]"));
            JsonNode error = c.next().json();
            assertEquals("error", error.path("type").asText());
            assertEquals("subscription/subscribe", error.path("action").asText());
            assertEquals(3, error.path("status").path("code").asInt());
            assertEquals("Wrong hash", error.path("status").path("description").asText());
            assertEquals(1001, error.path("data").path("trackers").get(0).asLong());

            String key = "0123456789abcdef0123456789abcdef";
            sim.addApiKey(key);
            sim.revokeApiKey(key);
            c.send(SimTestClient.subscribe(key, "[{\"type\":\"state\",\"trackers\":[1001]}]"));
            assertEquals(4, c.next().json().path("status").path("code").asInt());
        }
    }

    @Test
    void invalidRequestsGetCode7() {
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            c.send(SimTestClient.subscribe(KEY, "[{\"type\":\"state_batch\",\"target\":{\"type\":\"all\"},\"rate_limit\":\"PT5S\"}]"));
            JsonNode error = c.next().json();
            assertEquals(7, error.path("status").path("code").asInt());
            assertEquals("requests[0].rate_limit", error.path("errors").get(0).path("parameter").asText());
            c.send(SimTestClient.subscribe(KEY, "[{\"type\":\"iot_monitor\",\"target\":{\"type\":\"selected\","
                    + "\"tracker_ids\":[1001,1002,1003,1004,1005,1006,1007,1008,1009,1010,1011]}}]"));
            assertEquals(7, c.next().json().path("status").path("code").asInt());
            c.send(SimTestClient.subscribe(KEY, "[{\"type\":\"state\",\"target\":{\"type\":\"all\"}}]"));
            assertEquals(7, c.next().json().path("status").path("code").asInt());
            c.send("{\"action\":\"subscribe\",\"hash\":\"" + KEY + "\"}");
            assertEquals(5, c.next().json().path("status").path("code").asInt());
        }
    }

    @Test
    void unsubscribeStopsEvents() {
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            c.send(SimTestClient.subscribe(KEY, "[{\"type\":\"state_batch\",\"target\":{\"type\":\"all\"},\"rate_limit\":\"100ms\"}]"));
            c.nextJson(j -> j.path("type").asText().equals("response"));
            c.send("{\"action\":\"unsubscribe\",\"hash\":\"" + KEY + "\",\"requests\":[{\"type\":\"state_batch\",\"target\":{\"type\":\"all\"}}]}");
            JsonNode response = c.nextJson(j -> j.path("type").asText().equals("response"));
            assertEquals("subscription/unsubscribe", response.path("action").asText());
            assertEquals("state_batch", response.path("events").get(0).asText());
            assertEquals(10, response.path("data").path("state_batch").size());
            c.frames.clear();
            assertTrue(c.poll(Duration.ofMillis(400)) == null, "no more batches");
        }
    }

    @Test
    void lifecycleBlockIsInlinedInTheNextBatchAndStandaloneForState() {
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            c.send(SimTestClient.subscribe(KEY, "[{\"type\":\"state_batch\",\"target\":{\"type\":\"selected\",\"tracker_ids\":[1005]},\"rate_limit\":\"100ms\"},"
                    + "{\"type\":\"state\",\"trackers\":[1005]}]"));
            c.nextJson(j -> j.path("type").asText().equals("response"));
            sim.lifecycle(1005, "block");
            JsonNode standalone = c.nextEvent("lifecycle").json();
            assertEquals(sim.sourceIdOf(1005), standalone.path("data").path("source_id").asLong());
            assertEquals("block", standalone.path("data").path("lifecycle_event").asText());
            JsonNode batch = c.nextJson(j -> j.path("event").asText().equals("state_batch")
                    && j.path("data").get(0).path("type").asText().equals("lifecycle_event"));
            assertEquals("block", batch.path("data").get(0).path("lifecycle_event").asText());
            sim.lifecycle(1005, "unblock");
            c.nextJson(j -> j.path("event").asText().equals("lifecycle")
                    && j.path("data").path("lifecycle_event").asText().equals("unblock"));
            assertEquals("state", c.next().json().path("event").asText(), "the state follows an unblock");
        }
    }
}
