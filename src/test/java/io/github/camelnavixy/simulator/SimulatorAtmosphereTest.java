package io.github.camelnavixy.simulator;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Atmosphere framing: handshake, version check, padding, heartbeats both ways. */
class SimulatorAtmosphereTest {

    Vertx vertx;
    NavixySimulator sim;

    /** A fresh simulator for every test: faults, silences and counters never leak into the next one. */
    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sim = NavixySimulator.builder().tickInterval(Duration.ofMillis(100))
                .serverHeartbeat(Duration.ofMillis(300)).build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
        vertx.close();
    }

    @Test
    void handshakeIsTheFirstFrame() {
        try (SimTestClient c = SimTestClient.connect(vertx, sim, "/v2/event/subscription" + SimTestClient.ATMOSPHERE_QUERY)) {
            String first = c.next().text();
            String[] parts = first.split("\\|", -1);
            assertEquals(4, parts.length, first);
            assertTrue(parts[0].matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), first);
            assertEquals("30000", parts[1]);
            assertEquals("X", parts[2]);
            assertEquals("", parts[3]);
            await().until(() -> sim.connections().stream().anyMatch(i -> i.id().equals(parts[0]) && i.handshakeSent()));
        }
    }

    @Test
    void paramsAsHeadersAndTrailingSlashWork() {
        Map<String, String> headers = Map.of("X-Atmosphere-tracking-id", "0", "X-Atmosphere-Framework", "4.0.0",
                "X-atmo-protocol", "true");
        try (SimTestClient c = SimTestClient.connect(vertx, sim, "/v2/event/subscription/", headers)) {
            assertTrue(c.next().text().endsWith("|30000|X|"));
        }
    }

    @Test
    void oldAtmosphereVersionGetsNoHandshakeButDirectReplies() {
        String query = SimTestClient.ATMOSPHERE_QUERY.replace("2.3.6-javascript", "2.2.0-javascript");
        try (SimTestClient c = SimTestClient.connect(vertx, sim, "/v2/event/subscription" + query)) {
            c.send(SimTestClient.subscribe("0000", "[{\"type\":\"state_batch\",\"target\":{\"type\":\"all\"}}]"));
            SimTestClient.Frame reply = c.next();
            assertEquals("error", reply.json().path("type").asText(), "a direct reply still comes back");
            assertNull(c.poll(Duration.ofMillis(500)), "no handshake, no heartbeat for an unsuspended resource");
        }
    }

    @Test
    void reusedTrackingIdGetsPaddingInsteadOfHandshake() {
        try (SimTestClient c = SimTestClient.connect(vertx, sim,
                "/v2/event/subscription?X-Atmosphere-tracking-id=abc-123&X-atmo-protocol=true&X-Atmosphere-Framework=2.3.6")) {
            String first = c.next().text();
            assertEquals(4098, first.length());
            assertTrue(first.isBlank());
            await().until(() -> sim.connections().stream().anyMatch(i -> i.id().equals("abc-123")));
        }
    }

    @Test
    void clientHeartbeatIsSwallowedAndServerHeartbeatSentWhenIdle() {
        try (SimTestClient c = SimTestClient.connect(vertx, sim, "/v2/event/subscription" + SimTestClient.ATMOSPHERE_QUERY)) {
            SimTestClient.Frame handshake = c.next();
            long before = sim.heartbeatsReceived();
            c.send("X");
            await().until(() -> sim.heartbeatsReceived() == before + 1);
            SimTestClient.Frame hb = c.next(Duration.ofSeconds(2));
            assertEquals("X", hb.text(), "the X was swallowed (no error reply); the next frame is the server's X");
            // The server's heartbeat follows its own last write (the handshake) by the 300 ms idle interval.
            assertTrue(Duration.ofNanos(hb.nanos() - handshake.nanos()).toMillis() >= 250, "sent only after idling");
        }
    }

    @Test
    void heartbeatServerZeroDisablesServerHeartbeats() {
        try (SimTestClient c = SimTestClient.connect(vertx, sim,
                "/v2/event/subscription" + SimTestClient.ATMOSPHERE_QUERY + "&X-Heartbeat-Server=0")) {
            c.next();
            assertNull(c.poll(Duration.ofMillis(700)));
        }
    }

    @Test
    void malformedJsonGetsErrorWithNullAction() {
        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            c.send("{not json");
            var error = c.nextJson(j -> true);
            assertEquals("error", error.path("type").asText());
            assertEquals("null", error.path("action").asText());
            assertEquals(5, error.path("status").path("code").asInt());
        }
    }

    @Test
    void trackMessageSizePrefixesEveryFrameWhenSupportedAndAsked() {
        try (NavixySimulator tms = NavixySimulator.builder().trackMessageSizeSupported(true)
                .serverHeartbeat(Duration.ofMillis(200)).build().start();
                SimTestClient c = SimTestClient.connect(vertx, tms, "/v2/event/subscription"
                        + SimTestClient.ATMOSPHERE_QUERY + "&X-Atmosphere-TrackMessageSize=true")) {
            assertTrue(c.next().text().matches("45\\|[0-9a-f-]{36}\\|30000\\|X\\|"));
            assertEquals("1|X", c.next().text());
        }
    }

    @Test
    void heartbeatIntervalValueRule() {
        assertEquals(60_000, AtmosphereSession.effectiveHeartbeat(60_000, null));
        assertEquals(60_000, AtmosphereSession.effectiveHeartbeat(60_000, 10));
        assertEquals(120_000, AtmosphereSession.effectiveHeartbeat(60_000, 120));
        assertEquals(0, AtmosphereSession.effectiveHeartbeat(60_000, 0));
    }
}
