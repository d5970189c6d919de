package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load mode streams pre-generated state_batch frames of the shape, stamped in the fixed-rate mode. */
class SimulatorLoadModeTest {

    private static final String SUBSCRIBE_ALL = "[{\"type\":\"state_batch\",\"target\":{\"type\":\"all\"}}]";

    private Vertx vertx;
    private NavixySimulator sim;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() {
        if (sim != null) {
            sim.close();
        }
        vertx.close();
    }

    @Test
    void asFastAsReadSendsTheRequestedNumberOfFullFramesInTheObservedShape() {
        sim = NavixySimulator.builder().fleetSize(40).load(new LoadProfile(20, 0, 100)).build().start();
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            c.send(SimTestClient.subscribe(sim.apiKey(), SUBSCRIBE_ALL));
            c.nextJson(j -> "response".equals(j.path("type").asText()));
            Set<Long> sources = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                JsonNode frame = c.nextEvent("state_batch").json();
                assertEquals(20, frame.path("data").size());
                JsonNode item = frame.path("data").get(0);
                assertEquals("source_state_event", item.path("type").asText());
                assertTrue(item.path("state").path("gps").path("location").has("lat"));
                frame.path("data").forEach(d -> sources.add(d.path("state").path("source_id").asLong()));
                assertFalse(frame.path("user_time").asText().isEmpty());
            }
            assertEquals(40, sources.size(), "the frames cycle through the whole fleet");
            assertEquals(null, c.poll(java.time.Duration.ofMillis(200)), "100 states = 5 frames, then nothing");
        }
    }

    @Test
    void fixedRateStampsEachFrameWithTheTimeItWasDue() {
        sim = NavixySimulator.builder().fleetSize(10).load(LoadProfile.fixedRate(10, 200, 40)).build().start();
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            c.send(SimTestClient.subscribe(sim.apiKey(), SUBSCRIBE_ALL));
            c.nextJson(j -> "response".equals(j.path("type").asText()));
            Instant previous = Instant.EPOCH;
            for (int i = 0; i < 4; i++) {
                Instant stamp = Instant.parse(c.nextEvent("state_batch").json().path("user_time").asText());
                assertTrue(stamp.isAfter(previous), "frame " + i + " is stamped later than the one before");
                previous = stamp;
            }
            assertTrue(Instant.now().isAfter(previous));
        }
    }
}
