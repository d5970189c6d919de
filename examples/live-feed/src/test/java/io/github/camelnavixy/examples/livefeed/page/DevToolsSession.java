package io.github.camelnavixy.examples.livefeed.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal Chrome DevTools Protocol client for one page target, over the JDK's WebSocket: commands are JSON objects
 * with an id, answered by a message with the same id; events (messages without an id) are ignored.
 */
final class DevToolsSession implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final WebSocket socket;

    DevToolsSession(URI pageWebSocket) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(pageWebSocket, new Receiver())
                .orTimeout(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** Sends a command and waits for its result (the {@code result} object); a protocol error fails. */
    JsonNode call(String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        ObjectNode command = json.createObjectNode().put("id", id).put("method", method);
        command.set("params", params == null ? json.createObjectNode() : params);
        socket.sendText(command.toString(), true).join();
        JsonNode reply = answer.orTimeout(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    ObjectNode params() {
        return json.createObjectNode();
    }

    /** Evaluates a JavaScript expression in the page and returns its value (which must be JSON-serialisable). */
    JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate", params().put("expression", expression).put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("Page script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    void navigate(String url) {
        call("Page.navigate", params().put("url", url));
    }

    /** The page as it is on screen now, as PNG bytes. */
    byte[] screenshot() {
        JsonNode result = call("Page.captureScreenshot", params().put("format", "png"));
        return Base64.getDecoder().decode(result.path("data").asText());
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        waiting.values().forEach(answer -> answer.completeExceptionally(new IllegalStateException("session closed")));
    }

    /** Joins the parts of each message (a screenshot is megabytes) and completes the command it answers. */
    private final class Receiver implements WebSocket.Listener {

        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                try {
                    JsonNode node = json.readTree(text);
                    if (node.has("id")) {
                        CompletableFuture<JsonNode> answer = waiting.remove(node.get("id").asLong());
                        if (answer != null) {
                            answer.complete(node);
                        }
                    }
                } catch (Exception e) {
                    waiting.values().forEach(answer -> answer.completeExceptionally(e));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            waiting.values().forEach(answer -> answer.completeExceptionally(
                    new IllegalStateException("DevTools closed the connection: " + statusCode + " " + reason)));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            waiting.values().forEach(answer -> answer.completeExceptionally(error));
        }
    }
}
