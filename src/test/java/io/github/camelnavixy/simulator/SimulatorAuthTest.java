package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** user/auth, session hashes on the socket, and logout. */
class SimulatorAuthTest {

    Vertx vertx;
    NavixySimulator sim;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A fresh simulator for every test: faults, silences and counters never leak into the next one. */
    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sim = NavixySimulator.builder().tickInterval(Duration.ofMillis(100)).account("alice@example.com", "s3cret")
                .build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
        vertx.close();
    }

    JsonNode post(String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return SimTestClient.MAPPER.readTree(r.body());
    }

    @Test
    void loginSubscribeLogout() throws Exception {
        JsonNode wrong = post("/user/auth", "{\"login\":\"alice@example.com\",\"password\":\"nope\"}");
        assertFalse(wrong.path("success").asBoolean());
        assertEquals(102, wrong.path("status").path("code").asInt());

        JsonNode ok = post("/user/auth", "{\"login\":\"alice@example.com\",\"password\":\"s3cret\"}");
        assertTrue(ok.path("success").asBoolean());
        assertEquals("authenticated", ok.path("type").asText());
        String hash = ok.path("hash").asText();
        assertTrue(hash.matches("[0-9a-f]{32}"));

        JsonNode list = post("/tracker/list", "{\"hash\":\"" + hash + "\"}");
        assertEquals(sim.sourceIdOf(1001), list.path("list").get(0).path("source").path("id").asLong());

        try (SimTestClient c = SimTestClient.connectAndHandshake(vertx, sim)) {
            c.send(SimTestClient.subscribe(hash, "[{\"type\":\"state_batch\",\"target\":{\"type\":\"all\"}}]"));
            assertEquals("response", c.next().json().path("type").asText());
            sim.logout();
            JsonNode logout = c.nextEvent("logout").json();
            assertEquals("session closed", logout.path("data").asText());
            await().until(() -> sim.activeSubscriptions() == 0);
            c.send(SimTestClient.subscribe(hash, "[{\"type\":\"state_batch\",\"target\":{\"type\":\"all\"}}]"));
            JsonNode error = c.nextJson(j -> j.path("type").asText().equals("error"));
            assertEquals(4, error.path("status").path("code").asInt(), "the session has ended");
        }
    }
}
