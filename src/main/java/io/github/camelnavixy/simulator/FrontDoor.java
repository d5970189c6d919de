package io.github.camelnavixy.simulator;

import io.vertx.core.http.HttpServerRequest;

import java.util.function.BiConsumer;

/**
 * Routes every HTTP request: the WebSocket upgrade at {@code /v2/event/subscription} (with or without a trailing
 * slash), where the "refuse connections" fault is applied, and the REST calls. Atmosphere's own close request
 * ({@code X-Atmosphere-Transport=close}) is answered with 200 and otherwise ignored.
 */
final class FrontDoor {

    static final String WS_PATH = "/v2/event/subscription";

    private final Faults faults;
    private final SimulatorStats stats;
    private final AuthHandler rest;
    private final SocketRelay relay;
    private final BiConsumer<HttpServerRequest, RelayedConnection> upgrade;

    /**
     * @param relay   finds the relayed TCP connection a request came through
     * @param upgrade turns an accepted upgrade request into a session (given the request and its relayed connection)
     */
    FrontDoor(Faults faults, SimulatorStats stats, AuthHandler rest, SocketRelay relay,
            BiConsumer<HttpServerRequest, RelayedConnection> upgrade) {
        this.faults = faults;
        this.stats = stats;
        this.rest = rest;
        this.relay = relay;
        this.upgrade = upgrade;
    }

    void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (WS_PATH.equals(path)) {
            subscriptionEndpoint(request);
            return;
        }
        if (!rest.handle(request, path)) {
            rest.notFound(request);
        }
    }

    private void subscriptionEndpoint(HttpServerRequest request) {
        boolean isUpgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        if (!isUpgrade) {
            // the Atmosphere "close" GET, or a non-WebSocket transport this simulator does not offer
            boolean close = "close".equalsIgnoreCase(request.getParam("X-Atmosphere-Transport"));
            request.response().setStatusCode(close ? 200 : 400).end(close ? "" : "WebSocket transport only");
            return;
        }
        Faults.Refusal refusal = faults.refusal();
        if (refusal == Faults.Refusal.HTTP_503) {
            stats.refused.incrementAndGet();
            request.response().setStatusCode(503).end("Service Unavailable");
            return;
        }
        RelayedConnection link = relay.connectionFrom(request.connection().remoteAddress());
        if (refusal == Faults.Refusal.ACCEPT_THEN_DROP) {
            stats.refused.incrementAndGet();
            if (link != null) {
                // the 101 answer still reaches the client, then TCP closes without a close frame
                link.dropAfterNextServerOutput();
                request.toWebSocket();
            } else {
                request.toWebSocket().onSuccess(ws -> ws.close((short) 1011));
            }
            return;
        }
        upgrade.accept(request, link);
    }
}
