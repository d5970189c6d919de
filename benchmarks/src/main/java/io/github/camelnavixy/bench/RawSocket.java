package io.github.camelnavixy.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The bare clients' socket: a Vert.x WebSocket that subscribes to {@code state_batch} for all trackers and hands each
 * whole JSON message to a handler as bytes (fragments joined), on the event loop, as the component's connection does.
 */
final class RawSocket implements AutoCloseable {

    private static final String QUERY = "?X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=2.3.6-javascript"
            + "&X-Atmosphere-Transport=websocket&Content-Type=application/json&X-atmo-protocol=true";

    private final Vertx vertx = Vertx.vertx();
    private WebSocketClient client;
    private Buffer partial;

    void connect(String webSocketUrl, String apiKey, Consumer<byte[]> onJson) throws Exception {
        URI uri = URI.create(webSocketUrl);
        client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(64 << 20).setMaxMessageSize(64 << 20));
        ClientWebSocket ws = client.webSocket();
        ws.frameHandler(frame -> {
            if (!frame.isText() && !frame.isContinuation()) {
                return;
            }
            Buffer data = frame.binaryData();
            if (!frame.isFinal()) {
                partial = partial == null ? Buffer.buffer().appendBuffer(data) : partial.appendBuffer(data);
                return;
            }
            if (partial != null) {
                data = partial.appendBuffer(data);
                partial = null;
            }
            byte[] bytes = data.getBytes();
            if (bytes.length > 0 && bytes[0] == '{') {
                onJson.accept(bytes);
            }
        });
        CompletableFuture<Void> connected = new CompletableFuture<>();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(uri.getPath() + QUERY);
        vertx.runOnContext(v -> ws.connect(options).onComplete(ar -> {
            if (ar.failed()) {
                connected.completeExceptionally(ar.cause());
                return;
            }
            ws.writeTextMessage("{\"action\":\"subscribe\",\"hash\":\"" + apiKey + "\",\"requests\":"
                    + "[{\"type\":\"state_batch\",\"target\":{\"type\":\"all\"},\"rate_limit\":\"1s\"}]}");
            connected.complete(null);
        }));
        connected.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        vertx.close();
    }
}
