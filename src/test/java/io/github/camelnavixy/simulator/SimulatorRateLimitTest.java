package io.github.camelnavixy.simulator;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batches never come faster than the subscription's rate_limit, and carry only trackers that changed. */
class SimulatorRateLimitTest {

    Vertx vertx;
    NavixySimulator sim;

    /** A fresh simulator for every test: faults, silences and counters never leak into the next one. */
    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sim = NavixySimulator.builder().tickInterval(Duration.ofMillis(20)).build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
        vertx.close();
    }

    @Test
    void consecutiveBatchesAreAtLeastRateLimitApart() {
        long rateMs = 250;
        long toleranceMs = 15;
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            c.send(SimTestClient.subscribe(sim.apiKey(), "[{\"type\":\"state_batch\",\"target\":{\"type\":\"all\"},\"rate_limit\":\"" + rateMs + "ms\"}]"));
            assertEquals("response", c.next().json().path("type").asText());
            List<Long> arrivals = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                arrivals.add(c.nextEvent("state_batch").nanos());
            }
            // Judged on the mean gap: one late arrival at this client (a busy machine) shortens the gap after it
            // without the server having sent early; the server's pacing shows in the span of several batches.
            long meanGapMs = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1_000_000 / (arrivals.size() - 1);
            assertTrue(meanGapMs >= rateMs - toleranceMs, "mean gap was " + meanGapMs + " ms");
            assertTrue(meanGapMs < rateMs * 3, "batches keep coming, mean gap " + meanGapMs + " ms");
        }
    }

    @Test
    void pausedFleetSendsNoBatches() {
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            sim.pauseFleet();
            try {
                c.send(SimTestClient.subscribe(sim.apiKey(), "[{\"type\":\"state_batch\",\"target\":{\"type\":\"all\"},\"rate_limit\":\"50ms\"}]"));
                c.nextJson(j -> j.path("type").asText().equals("response"));
                assertEquals(10, c.nextEvent("state_batch").json().path("data").size(), "the snapshot has every tracker");
                assertTrue(c.poll(Duration.ofMillis(300)) == null, "nothing changed, nothing sent");
            } finally {
                sim.resumeFleet();
            }
            c.nextEvent("state_batch");
        }
    }
}
