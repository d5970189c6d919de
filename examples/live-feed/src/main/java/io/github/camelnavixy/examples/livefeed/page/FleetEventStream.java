package io.github.camelnavixy.examples.livefeed.page;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code GET /events}: a server-sent event stream per browser. A new stream starts with the page's whole picture (so a
 * page opened late, or a browser that reconnects, misses nothing), then gets every change as it is published.
 *
 * <p>Writes never wait: a browser that cannot keep up is disconnected, and its {@code EventSource} reconnects and gets
 * a fresh picture. Vert.x lets any thread write to a response; the monitor keeps each stream's greeting ahead of any
 * later change.
 */
public final class FleetEventStream implements Handler<RoutingContext> {

    private final Set<HttpServerResponse> clients = ConcurrentHashMap.newKeySet();
    private final Supplier<List<String>> greeting;

    /** @param greeting the frames a new stream starts with (see {@link #frame}) */
    public FleetEventStream(Supplier<List<String>> greeting) {
        this.greeting = greeting;
    }

    /** One server-sent event. {@code data} must be one line (compact JSON is). */
    public static String frame(String event, String data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }

    @Override
    public synchronized void handle(RoutingContext request) {
        HttpServerResponse response = request.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache");
        response.closeHandler(closed -> clients.remove(response));
        response.exceptionHandler(failed -> clients.remove(response));
        // how long the browser waits before reconnecting after the stream broke
        response.write("retry: 2000\n\n");
        greeting.get().forEach(response::write);
        clients.add(response);
    }

    /** Sends one frame to every open stream. */
    public synchronized void publish(String frame) {
        for (HttpServerResponse client : clients) {
            if (client.writeQueueFull()) {
                clients.remove(client);
                client.close();
            } else {
                client.write(frame);
            }
        }
    }

    /** Open streams, for tests and logs. */
    public int clientCount() {
        return clients.size();
    }

    /** Ends every stream (on stop), so browsers see the server go instead of a hanging request. */
    public synchronized void closeAll() {
        for (HttpServerResponse client : clients) {
            client.end();
        }
        clients.clear();
    }
}
