package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Injected faults as a client sees them. */
class SimulatorFaultsTest {

    Vertx vertx;
    NavixySimulator sim;

    /** A fresh simulator for every test: faults, silences and counters never leak into the next one. */
    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sim = NavixySimulator.builder().tickInterval(Duration.ofMillis(50)).serverHeartbeat(Duration.ofMillis(200))
                .build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
        vertx.close();
    }

    static void get(io.vertx.core.Future<?> f) throws Exception {
        f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void abruptDropHasNoCloseFrame() throws Exception {
        SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim);
        get(sim.dropConnections());
        Short status = c.closed.get(5, TimeUnit.SECONDS);
        assertTrue(status == null || status == 1006, "no close frame, got " + status);
        await().until(() -> sim.openConnections() == 0);
        c.close();
    }

    @Test
    void normalCloseSendsTheCode() throws Exception {
        SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim);
        get(sim.closeConnections(1001, "going away"));
        assertEquals((short) 1001, c.closed.get(5, TimeUnit.SECONDS));
        c.close();
    }

    @Test
    void refusedConnectionsFailUntilAcceptedAgain() {
        sim.refuseConnections();
        assertThrows(IllegalStateException.class, () -> SimTestClient.connect(vertx, sim, "/v2/event/subscription"));
        assertTrue(sim.connectionsRefused() >= 1);
        sim.acceptConnections();
        SimTestClient.connectAndHandshake(vertx, sim).close();

        sim.refuseConnections(Duration.ofMillis(200));
        assertThrows(IllegalStateException.class, () -> SimTestClient.connect(vertx, sim, "/v2/event/subscription"));
        await().atMost(Duration.ofSeconds(2)).until(() -> {
            try (SimTestClient c = SimTestClient.connect(vertx, sim, "/v2/event/subscription")) {
                return true;
            } catch (IllegalStateException e) {
                return false;
            }
        });
    }

    @Test
    void silenceStopsHeartbeatsUntilEnded() throws Exception {
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            get(sim.silenceConnections());
            c.frames.clear();
            assertNull(c.poll(Duration.ofMillis(600)), "no heartbeat while silent (it is 200 ms otherwise)");
            assertTrue(sim.connections().stream().allMatch(ConnectionInfo::silent));
            get(sim.endSilence());
            assertEquals("X", c.next(Duration.ofSeconds(2)).text(), "heartbeats are back");
        }
    }

    @Test
    void pongIsWithheldWhileSilent() throws Exception {
        SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim);
        try {
            get(sim.silenceConnections());
            c.ping();
            assertThrows(java.util.concurrent.TimeoutException.class, () -> c.pong.get(500, TimeUnit.MILLISECONDS));
            get(sim.endSilence());
            c.pong.get(2, TimeUnit.SECONDS);
        } finally {
            c.close();
        }
    }

    @Test
    void forcedSubscribeErrorsThenSuccess() {
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            sim.failNextSubscribes(1, 15);
            String request = SimTestClient.subscribe(sim.apiKey(), "[{\"type\":\"state\",\"trackers\":[1001]}]");
            c.send(request);
            JsonNode error = c.nextJson(j -> !j.path("type").asText().equals("event"));
            assertEquals("error", error.path("type").asText());
            assertEquals(15, error.path("status").path("code").asInt());
            c.send(request);
            assertEquals("response", c.nextJson(j -> !j.path("type").asText().equals("event")).path("type").asText());
        }
    }

    @Test
    void garbageFramesReachEverySocket() throws Exception {
        try (SimTestClient a = SimTestClient.connectAndHandshake(vertx, sim);
                SimTestClient b = SimTestClient.connectAndHandshake(vertx, sim)) {
            await().until(() -> sim.openConnections() >= 2);
            String garbage = "{\"truncated\":";
            int reached = sim.sendRaw(garbage).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertTrue(reached >= 2, "reached " + reached);
            assertEquals(garbage, a.nextText(garbage::equals));
            assertEquals(garbage, b.nextText(garbage::equals));
        }
    }

    @Test
    void slowWritesDelayEachFrame() {
        sim.slowWrites(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        try (SimTestClient c = SimTestClient.connect(vertx, sim, "/v2/event/subscription" + SimTestClient.ATMOSPHERE_QUERY)) {
            SimTestClient.Frame handshake = c.next(Duration.ofSeconds(3));
            assertTrue((handshake.nanos() - t0) / 1_000_000 >= 250, "the handshake itself was delayed");
        }
    }

    @Test
    void restartKeepsPortAndFleet() throws Exception {
        int port = sim.port();
        long trackers = sim.fleet().size();
        SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim);
        get(sim.restart(Duration.ofMillis(100)));
        c.closed.get(5, TimeUnit.SECONDS);
        c.close();
        assertEquals(port, sim.port());
        assertEquals(trackers, sim.fleet().size());
        try (SimTestClient again = SimTestClient.connectAndHandshake(vertx, sim)) {
            again.send(SimTestClient.subscribe(sim.apiKey(), "[{\"type\":\"state\",\"trackers\":[1001]}]"));
            assertEquals("response", again.nextJson(j -> j.has("action")).path("type").asText());
        }
    }
}
