package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** A plain Vert.x WebSocket client that records every inbound text message with its arrival time. */
final class SimTestClient implements AutoCloseable {

    static final String ATMOSPHERE_QUERY = "?X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=2.3.6-javascript"
            + "&X-Atmosphere-Transport=websocket&Content-Type=application/json&X-atmo-protocol=true";
    static final ObjectMapper MAPPER = new ObjectMapper();

    record Frame(String text, long nanos) {
        JsonNode json() {
            try {
                return MAPPER.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }
    }

    final LinkedBlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Short> closed = new CompletableFuture<>();
    final CompletableFuture<Buffer> pong = new CompletableFuture<>();
    private final WebSocketClient client;
    private final ClientWebSocket ws;

    private SimTestClient(WebSocketClient client, ClientWebSocket ws) {
        this.client = client;
        this.ws = ws;
    }

    static SimTestClient connect(Vertx vertx, NavixySimulator sim, String pathAndQuery) {
        return connect(vertx, sim, pathAndQuery, Map.of());
    }

    static SimTestClient connect(Vertx vertx, NavixySimulator sim, String pathAndQuery, Map<String, String> headers) {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxMessageSize(64 << 20).setMaxFrameSize(16 << 20));
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(sim.host()).setPort(sim.port())
                .setURI(pathAndQuery);
        headers.forEach(options::addHeader);
        // handlers go on before connect(): a frame that arrives with the 101 response would otherwise be lost
        ClientWebSocket ws = client.webSocket();
        SimTestClient c = new SimTestClient(client, ws);
        ws.textMessageHandler(t -> c.frames.add(new Frame(t, System.nanoTime())));
        ws.pongHandler(c.pong::complete);
        ws.exceptionHandler(e -> { });
        ws.closeHandler(v -> c.closed.complete(ws.closeStatusCode()));
        try {
            // Connect from an event loop: called from a plain thread, Vert.x may hand frames that came with the 101
            // answer to the socket before the wrapper above has installed its handlers, and the handshake is lost.
            CompletableFuture<Void> connected = new CompletableFuture<>();
            vertx.getOrCreateContext().runOnContext(v -> ws.connect(options).onComplete(ar -> {
                if (ar.succeeded()) {
                    connected.complete(null);
                } else {
                    connected.completeExceptionally(ar.cause());
                }
            }));
            connected.get(5, TimeUnit.SECONDS);
            return c;
        } catch (Exception e) {
            client.close();
            throw new IllegalStateException("connect failed: " + e.getMessage(), e);
        }
    }

    /** Connects with the official client's query string and consumes the handshake. */
    static SimTestClient connectAndHandshake(Vertx vertx, NavixySimulator sim) {
        SimTestClient c = connect(vertx, sim, "/v2/event/subscription" + ATMOSPHERE_QUERY);
        String handshake = c.next().text();
        if (!handshake.matches("[0-9a-f-]{36}\\|\\d+\\|X\\|")) {
            fail("expected a handshake, got " + handshake);
        }
        return c;
    }

    void send(String text) {
        ws.writeTextMessage(text);
    }

    void ping() {
        ws.writePing(Buffer.buffer("p"));
    }

    Frame next() {
        return next(Duration.ofSeconds(5));
    }

    Frame next(Duration timeout) {
        Frame f = poll(timeout);
        if (f == null) {
            fail("no frame within " + timeout);
        }
        return f;
    }

    Frame poll(Duration timeout) {
        try {
            return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next JSON frame matching {@code filter}, skipping everything else (heartbeats, other events). */
    JsonNode nextJson(Predicate<JsonNode> filter) {
        return nextJsonFrame(filter).json();
    }

    Frame nextJsonFrame(Predicate<JsonNode> filter) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Frame f = poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (f != null && f.text().trim().startsWith("{") && filter.test(f.json())) {
                return f;
            }
        }
        throw new AssertionError("no matching JSON frame within 5 s");
    }

    /** The next frame whose raw text matches, skipping others. */
    String nextText(Predicate<String> filter) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Frame f = poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (f != null && filter.test(f.text())) {
                return f.text();
            }
        }
        throw new AssertionError("no matching frame within 5 s");
    }

    Frame nextEvent(String event) {
        return nextJsonFrame(j -> event.equals(j.path("event").asText()));
    }

    @Override
    public void close() {
        try {
            ws.close().eventually(() -> client.close()).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            client.close();
        }
    }

    static String subscribe(String hash, String requestsJson) {
        return "{\"action\":\"subscribe\",\"hash\":\"" + hash + "\",\"requests\":" + requestsJson + "}";
    }
}
