package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.github.camelnavixy.simulator.SimulatorProtocolTest.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same requests answered in the documented shapes. */
class SimulatorDocumentedShapeTest {

    Vertx vertx;
    NavixySimulator sim;

    /** A fresh simulator for every test: faults, silences and counters never leak into the next one. */
    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sim = NavixySimulator.builder().shape(Shape.DOCUMENTED).tickInterval(Duration.ofMillis(50)).fleetSize(3)
                .build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
        vertx.close();
    }

    @Test
    void documentedResponseBatchesAndLifecycle() {
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            c.send(SimTestClient.subscribe(sim.apiKey(), "[{\"type\":\"state_batch\",\"target\":{\"type\":\"all\"},\"rate_limit\":\"100ms\"},"
                    + "{\"type\":\"readings_batch\",\"target\":{\"type\":\"all\"},\"sensor_type\":\"fuel\"}]"));
            JsonNode response = c.next().json();
            assertEquals(List.of("type", "action", "events", "data"), keys(response));
            assertEquals(List.of("value", "success"), keys(response.path("data").path("state_batch")));
            assertTrue(response.path("data").path("readings_batch").path("success").asBoolean());

            JsonNode batch = c.next().json();
            assertEquals(List.of("type", "event", "user_time", "data"), keys(batch));
            JsonNode state = batch.path("data").get(0);
            assertEquals(sim.sourceIdOf(1001), state.path("source_id").asLong(), "bare state, no wrapper");

            JsonNode readings = c.next().json();
            assertEquals("readings_batch", readings.path("event").asText());
            JsonNode byId = readings.path("data").get(0);
            assertEquals(3, byId.size());
            JsonNode r = byId.path("1002");
            assertEquals("fuel", r.path("inputs").get(0).path("type").asText());
            assertEquals(1, r.path("inputs").size(), "sensor_type filters the inputs");
            assertTrue(!r.has("counters") && !r.has("states"), "and drops states and counters");

            sim.lifecycle(1002, "block");
            JsonNode lifecycle = c.nextEvent("lifecycle").json();
            assertEquals(List.of("source_id", "lifecycle_event"), keys(lifecycle.path("data")));
        }
    }
}
