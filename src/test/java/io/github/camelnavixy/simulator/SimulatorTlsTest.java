package io.github.camelnavixy.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With selfSignedTls() the simulator speaks wss behind its relay, under the name in its certificate. */
class SimulatorTlsTest {

    Vertx vertx;
    NavixySimulator sim;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        sim = NavixySimulator.builder().tickInterval(Duration.ofMillis(100)).selfSignedTls().build().start();
    }

    @AfterEach
    void stop() {
        sim.close();
        vertx.close();
    }

    private String handshakeOver(WebSocketClientOptions options) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(options);
        try {
            return client.connect(new WebSocketConnectOptions()
                            .setAbsoluteURI(sim.webSocketUrl() + SimTestClient.ATMOSPHERE_QUERY))
                    .compose(ws -> {
                        io.vertx.core.Promise<String> first = io.vertx.core.Promise.promise();
                        ws.textMessageHandler(first::tryComplete);
                        return first.future();
                    })
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    @Test
    void servesWssUnderTheCertificateName() throws Exception {
        assertTrue(sim.webSocketUrl().startsWith("wss://localhost:"), sim.webSocketUrl());
        assertTrue(sim.baseUrl().startsWith("https://localhost:"), sim.baseUrl());
        String handshake = handshakeOver(new WebSocketClientOptions().setTrustOptions(sim.trustOptions()));
        assertTrue(handshake.matches("[0-9a-f-]{36}\\|\\d+\\|X\\|"), handshake);
        assertEquals(1, sim.connectionsAccepted());
    }

    @Test
    void isRefusedByAClientThatDoesNotTrustIt() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> handshakeOver(new WebSocketClientOptions()));
        StringBuilder causes = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            causes.append(t).append('\n');
        }
        assertTrue(causes.toString().contains("certification path"), causes.toString());
        assertEquals(0, sim.connectionsAccepted());
    }
}
