package io.github.camelnavixy.client;

import io.github.camelnavixy.subscription.SubscriptionPlan;
import io.github.camelnavixy.subscription.SubscriptionPlanParser;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@link NavixyConnection} against small hand-written servers that misbehave in one way each. */
class HostileServerConnectionTest {

    private static final SubscriptionPlan PLAN = SubscriptionPlanParser.parse("state_batch", "all", null, null, null,
            null, null, true);
    private static final String SUBSCRIBED = "{\"type\":\"response\",\"action\":\"subscription/subscribe\","
            + "\"events\":[\"state_batch\"],\"data\":{\"state_batch\":{\"value\":{\"5\":\"normal\"}}}}";
    private static final String EVENT = "{\"type\":\"event\",\"event\":\"state_batch\",\"data\":[{\"source_id\":77,"
            + "\"gps\":{\"location\":{\"lat\":52.5,\"lng\":13.4},\"speed\":91}}]}";

    private final Vertx serverVertx = Vertx.vertx();
    private final Vertx clientVertx = Vertx.vertx();
    private final RecordingListener listener = new RecordingListener();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private NavixyConnection connection;

    @AfterEach
    void tearDown() throws Exception {
        if (connection != null) {
            connection.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        clientVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        serverVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpServer listen(io.vertx.core.Handler<HttpServerRequest> handler) throws Exception {
        return serverVertx.createHttpServer().requestHandler(handler).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A server that upgrades at once, says {@code handshake} first, and runs {@code onSubscribe} on a subscribe. */
    private HttpServer webSocketServer(String handshake, Consumer<ServerWebSocket> onSubscribe) throws Exception {
        return listen(request -> request.toWebSocket().onSuccess(ws -> {
            if (handshake != null) {
                ws.writeTextMessage(handshake);
            }
            ws.textMessageHandler(text -> {
                received.add(text);
                if (text.contains("\"subscribe\"")) {
                    onSubscribe.accept(ws);
                }
            });
        }));
    }

    private void connect(HttpServer server, int maxMessageSize, long idleTimeout, long firstDelay) {
        ConnectionSettings settings = new ConnectionSettings("ws://127.0.0.1:" + server.actualPort() + "/v2/event/subscription",
                new BackoffPolicy(firstDelay, firstDelay * 4, -1), 0, idleTimeout, maxMessageSize, 200, 500, ZoneOffset.UTC);
        connection = new NavixyConnection(clientVertx, new WebSocketClientOptions(), settings, PLAN,
                new ApiKeyHashSource("5f3c2a9e8b7d41c6a0e1f2d3c4b5a697"), listener, "test");
        connection.start();
    }

    @Test
    void dropsAnOversizedFragmentedMessageAndKeepsTheSocket() throws Exception {
        String big = "{\"type\":\"event\",\"event\":\"state_batch\",\"data\":[" + "0,".repeat(3000) + "0]}";
        HttpServer server = webSocketServer(null, ws -> {
            ws.writeTextMessage(SUBSCRIBED);
            // 6 KB in three fragments against a 4 KB limit, then a normal event on the same socket
            ws.writeFrame(WebSocketFrame.textFrame(big.substring(0, 2000), false));
            ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer(big.substring(2000, 5000)), false));
            ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer(big.substring(5000)), true));
            ws.writeTextMessage(EVENT);
        });
        connect(server, 4096, 5000, 100);

        await().atMost(10, TimeUnit.SECONDS).until(() -> listener.events.size() == 1);
        assertThat(listener.malformed).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("larger than maxMessageSize 4096"));
        assertThat(listener.states()).doesNotContain(ConnectionState.WAITING_TO_RECONNECT);
        assertThat(connection.state()).isEqualTo(ConnectionState.SUBSCRIBED);
    }

    @Test
    void sendsXWhenTheHandshakeAsksForALongPadding() throws Exception {
        HttpServer server = webSocketServer("b623a15d-9623-4fd8-a9d3-697036635c29|1000|" + "P".repeat(100_000) + "|",
                ws -> ws.writeTextMessage(SUBSCRIBED));
        connect(server, 1 << 20, 0, 100);

        await().atMost(10, TimeUnit.SECONDS).until(() -> received.stream().anyMatch(t -> !t.startsWith("{")));
        assertThat(received).filteredOn(t -> !t.startsWith("{")).allMatch("X"::equals);
    }

    @Test
    void keepsAtMostOneSocketAgainstAServerThatStallsUpgrades() throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger maxOpen = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        HttpServer server = serverVertx.createHttpServer()
                .connectionHandler(c -> {
                    accepted.incrementAndGet();
                    maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                    c.closeHandler(v -> open.decrementAndGet());
                })
                .requestHandler(request -> { }) // reads the upgrade request and never answers it
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        connect(server, 1 << 20, 300, 100); // the upgrade is bounded by idleTimeout: 300 ms

        await().atMost(15, TimeUnit.SECONDS).until(() -> accepted.get() >= 4);
        assertThat(maxOpen.get()).isEqualTo(1);
        assertThat(listener.states()).contains(ConnectionState.WAITING_TO_RECONNECT);
        await().atMost(Duration.ofSeconds(5)).until(() -> open.get() <= 1);
    }
}
