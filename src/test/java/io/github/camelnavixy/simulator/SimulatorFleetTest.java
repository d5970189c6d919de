package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fleet moves plausibly, and what is sent matches the published truth. */
class SimulatorFleetTest {

    @Test
    void vehiclesMovePlausibly() {
        Fleet fleet = new Fleet(20, 14.6349, -90.5069, 7);
        Map<Long, TrackerTruth> before = fleet.truthSnapshot();
        Set<String> statuses = new HashSet<>();
        int fast = 0;
        for (int tick = 0; tick < 600; tick++) {
            fleet.step(1.0);
            Map<Long, TrackerTruth> now = fleet.truthSnapshot();
            for (TrackerTruth t : now.values()) {
                TrackerTruth prev = before.get(t.trackerId());
                assertTrue(t.speed() >= 0 && t.speed() <= 130, "speed " + t.speed());
                assertTrue(GeoMath.distance(14.6349, -90.5069, t.lat(), t.lng()) < 20_000, "stays around the city");
                double moved = GeoMath.distance(prev.lat(), prev.lng(), t.lat(), t.lng());
                assertTrue(moved <= 40, "at most 130 km/h for one second: " + moved);
                if (moved > 5 && t.speed() > 5 && "moving".equals(t.movementStatus())) {
                    double bearing = GeoMath.bearing(prev.lat(), prev.lng(), t.lat(), t.lng());
                    double diff = Math.abs(((bearing - t.heading()) + 540) % 360 - 180);
                    // a waypoint can be passed within the step; otherwise heading = direction of travel
                    assertTrue(diff < 100, "heading " + t.heading() + " vs travel " + bearing);
                }
                if (!t.ignition()) {
                    assertEquals(0, t.speed());
                    assertEquals("parked", t.movementStatus());
                }
                assertTrue(t.odometerKm() >= prev.odometerKm());
                statuses.add(t.movementStatus());
                if (t.speed() > 80) {
                    fast++;
                }
            }
            before = now;
        }
        assertEquals(Set.of("moving", "stopped", "parked"), statuses);
        assertTrue(fast > 0, "someone speeds now and then");
    }

    @Test
    void sourceIdsDifferFromTrackerIds() {
        Fleet fleet = new Fleet(5, 0, 0, new Random().nextLong());
        fleet.sourceIds().forEach((tracker, source) -> assertTrue(!tracker.equals(source)));
        assertEquals(List.of(1001L, 1002L, 1003L, 1004L, 1005L), fleet.liveIds());
    }

    @Test
    void sentStateMatchesTruth() {
        Vertx vertx = Vertx.vertx();
        try (NavixySimulator sim = NavixySimulator.builder().tickInterval(Duration.ofMillis(50)).build().start();
                SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            sim.pauseFleet();
            c.send(SimTestClient.subscribe(sim.apiKey(), "[{\"type\":\"state\",\"trackers\":[1001]}]"));
            c.nextJson(j -> j.path("type").asText().equals("response"));
            JsonNode state = c.nextEvent("state").json().path("data");
            TrackerTruth truth = sim.truth(1001);
            assertEquals(truth.sourceId(), state.path("source_id").asLong());
            assertEquals(truth.lat(), state.path("gps").path("location").path("lat").asDouble());
            assertEquals(truth.lng(), state.path("gps").path("location").path("lng").asDouble());
            assertEquals(truth.speed(), state.path("gps").path("speed").asInt());
            assertEquals(truth.heading(), state.path("gps").path("heading").asInt());
            assertTrue(truth.lastUpdate().isBefore(Instant.now().plusSeconds(1)));
        } finally {
            vertx.close();
        }
    }

    @Test
    void rateLimitGrammar() {
        assertEquals(Duration.ofMillis(500), RateLimit.parse("500ms"));
        assertEquals(Duration.ofSeconds(5), RateLimit.parse("5s"));
        assertEquals(Duration.ofMinutes(1), RateLimit.parse("1m"));
        assertEquals(Duration.ofHours(2), RateLimit.parse("2h"));
        for (String bad : new String[] { "0s", "PT5S", "5", "5 s", "-1s", "1.5s", "" }) {
            assertEquals(null, RateLimit.parse(bad), bad);
        }
    }
}
