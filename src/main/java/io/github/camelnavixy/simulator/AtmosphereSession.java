package io.github.camelnavixy.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One WebSocket connection as Atmosphere frames it (spec §2-§4): the {@code uuid|ms|X|} handshake for a new
 * resource that asked for the protocol, a 4098-space padding frame for a reused tracking id, inbound {@code X}
 * heartbeats swallowed, an {@code X} after the server heartbeat interval without any other write, one payload per
 * text frame, and an optional {@code <length>|} prefix when the client asked for TrackMessageSize and the simulator
 * supports it.
 *
 * <p>It also carries the per-socket side of the faults: delayed writes (an ordered queue drained by timers), silence
 * and abrupt close. Everything runs on the simulator's event loop.
 */
final class AtmosphereSession {

    static final String HEARTBEAT = "X";
    static final int PADDING_LENGTH = 4098;

    private final ServerWebSocket ws;
    private final Vertx vertx;
    private final RelayedConnection link;
    private final String id;
    private final boolean handshake;
    private final boolean padding;
    private final boolean suspended;
    private final boolean trackMessageSize;
    private final long clientHeartbeatMs;
    private final long serverHeartbeatMs;
    private final Faults faults;
    private final SimulatorStats stats;
    final SubscriptionRegistry subscriptions = new SubscriptionRegistry();

    private final Deque<String> queue = new ArrayDeque<>();
    private boolean draining;
    private long heartbeatTimer = -1;
    private boolean silent;
    private boolean closed;
    private BiConsumer<AtmosphereSession, String> requestHandler = (s, t) -> { };
    private Consumer<AtmosphereSession> closeListener = s -> { };
    private volatile ConnectionInfo info;

    /**
     * @param clientHeartbeatMs the interval advertised in the handshake; 0 means client heartbeats are not
     *                          configured, and then an inbound {@code X} is not swallowed (Atmosphere behaviour)
     * @param serverHeartbeatMs the configured server heartbeat; combined with {@code X-Heartbeat-Server}
     */
    AtmosphereSession(ServerWebSocket ws, Vertx vertx, RelayedConnection link, AtmosphereParams params,
            boolean trackMessageSizeSupported, long clientHeartbeatMs, long serverHeartbeatMs, Faults faults,
            SimulatorStats stats) {
        this.ws = ws;
        this.vertx = vertx;
        this.link = link;
        this.faults = faults;
        this.stats = stats;
        this.clientHeartbeatMs = clientHeartbeatMs;
        boolean fresh = params.newResource();
        this.id = fresh ? UUID.randomUUID().toString() : params.trackingId().trim();
        this.suspended = !(fresh && params.atmoProtocol()) || params.versionSupported();
        this.handshake = fresh && params.atmoProtocol() && suspended;
        this.padding = !fresh;
        this.trackMessageSize = trackMessageSizeSupported && params.trackMessageSize();
        this.serverHeartbeatMs = effectiveHeartbeat(serverHeartbeatMs, params.heartbeatServerSeconds());
    }

    /** Atmosphere: {@code X-Heartbeat-Server} 0 disables, a smaller value is raised to the configured one. */
    static long effectiveHeartbeat(long configuredMs, Integer requestedSeconds) {
        if (requestedSeconds == null) {
            return configuredMs;
        }
        if (requestedSeconds <= 0) {
            return 0;
        }
        return Math.max(configuredMs, requestedSeconds * 1000L);
    }

    void onRequest(BiConsumer<AtmosphereSession, String> handler) {
        this.requestHandler = handler;
    }

    void onClose(Consumer<AtmosphereSession> listener) {
        this.closeListener = listener;
    }

    void start() {
        ws.textMessageHandler(this::onText);
        ws.binaryMessageHandler(b -> onText(b.toString()));
        ws.exceptionHandler(t -> { });
        ws.closeHandler(v -> onClosed());
        if (handshake) {
            enqueue(framed(id + "|" + clientHeartbeatMs + "|" + HEARTBEAT + "|"));
        } else if (padding) {
            enqueue(" ".repeat(PADDING_LENGTH));
        }
        scheduleHeartbeat();
        publishInfo();
    }

    String id() {
        return id;
    }

    boolean isClosed() {
        return closed;
    }

    /** Whether broadcasts (events, heartbeats) reach this socket: not when the Atmosphere version check failed. */
    boolean deliversEvents() {
        return suspended && !closed && !silent;
    }

    /** A direct reply to a request: delivered even when the resource is not suspended. */
    void reply(String json) {
        if (!closed && !silent) {
            enqueue(framed(json));
        }
    }

    /** A broadcast (event). */
    void event(String json) {
        if (deliversEvents()) {
            enqueue(framed(json));
        }
    }

    /** A frame exactly as given: no length prefix, not subject to the suspended check. */
    void raw(String text) {
        if (!closed && !silent) {
            enqueue(text);
        }
    }

    private String framed(String payload) {
        return trackMessageSize ? payload.length() + "|" + payload : payload;
    }

    private void onText(String text) {
        stats.frameReceived(text);
        if (closed || silent) {
            return;
        }
        if (clientHeartbeatMs > 0 && HEARTBEAT.equals(text)) {
            stats.heartbeatsReceived.incrementAndGet();
            return;
        }
        if (text.isBlank()) {
            return;
        }
        requestHandler.accept(this, text);
    }

    // --- outbound: in order, optionally delayed ------------------------------------------------------------------

    private void enqueue(String frame) {
        if (!draining && queue.isEmpty() && faults.writeDelayMillis() == 0) {
            writeFrame(frame);
            return;
        }
        queue.addLast(frame);
        if (!draining) {
            drainLater();
        }
    }

    private void drainLater() {
        draining = true;
        vertx.setTimer(Math.max(1, faults.writeDelayMillis()), t -> {
            if (closed || silent) {
                queue.clear();
                draining = false;
                return;
            }
            String next = queue.pollFirst();
            if (next != null) {
                writeFrame(next);
            }
            if (queue.isEmpty()) {
                draining = false;
            } else {
                drainLater();
            }
        });
    }

    private void writeFrame(String frame) {
        if (closed) {
            return;
        }
        // a write racing an abrupt close fails; that is expected, so the failure is consumed (Vert.x logs it otherwise)
        ws.writeTextMessage(frame).onFailure(e -> { });
        stats.framesSent.incrementAndGet();
        scheduleHeartbeat();
    }

    // --- load mode ---------------------------------------------------------------------------------------------------

    /**
     * Writes what {@code next} gives (until it gives {@code null}) as fast as the client reads: whenever the socket's
     * write queue is full, it waits for the queue to drain. No heartbeat or fault handling: this is the load mode.
     */
    void stream(java.util.function.Supplier<String> next) {
        while (!closed && !ws.writeQueueFull()) {
            String frame = next.get();
            if (frame == null) {
                return;
            }
            writeLoadFrame(frame);
        }
        if (!closed) {
            ws.drainHandler(v -> stream(next));
        }
    }

    /** Whether the socket's write queue is full (the client is not reading fast enough). */
    boolean writeQueueFull() {
        return ws.writeQueueFull();
    }

    /** A load-mode write: straight to the socket, counted, without rescheduling the heartbeat for every frame. */
    void writeLoadFrame(String frame) {
        if (!closed) {
            ws.writeTextMessage(frame).onFailure(e -> { });
            stats.framesSent.incrementAndGet();
        }
    }

    // --- heartbeat ---------------------------------------------------------------------------------------------------

    private void scheduleHeartbeat() {
        cancelHeartbeat();
        if (serverHeartbeatMs > 0 && deliversEvents()) {
            heartbeatTimer = vertx.setTimer(serverHeartbeatMs, t -> {
                heartbeatTimer = -1;
                if (deliversEvents()) {
                    stats.heartbeatsSent.incrementAndGet();
                    enqueue(framed(HEARTBEAT));
                }
            });
        }
    }

    private void cancelHeartbeat() {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
            heartbeatTimer = -1;
        }
    }

    // --- faults --------------------------------------------------------------------------------------------------------

    /**
     * Stops sending and reading (so pings go unanswered) until {@link #unsilence()}. The relayed connection holds the
     * client's bytes; {@code ServerWebSocket.pause()} alone would not do, since Vert.x answers pings before any pause.
     */
    Future<Void> silence() {
        if (closed || silent) {
            return Future.succeededFuture();
        }
        silent = true;
        cancelHeartbeat();
        queue.clear();
        publishInfo();
        if (link != null) {
            return link.silence();
        }
        ws.pause();
        return Future.succeededFuture();
    }

    Future<Void> unsilence() {
        if (!silent) {
            return Future.succeededFuture();
        }
        silent = false;
        scheduleHeartbeat();
        publishInfo();
        if (link != null) {
            return link.unsilence();
        }
        ws.resume();
        return Future.succeededFuture();
    }

    boolean silent() {
        return silent;
    }

    /** TCP close without a WebSocket close frame. */
    void dropAbruptly() {
        if (closed) {
            return;
        }
        if (link != null) {
            link.dropAbruptly();
        } else {
            ws.close((short) 1011);
        }
    }

    /** A normal WebSocket close handshake with the given status. */
    void closeNormally(int code, String reason) {
        if (!closed) {
            ws.close((short) code, reason);
        }
    }

    private void onClosed() {
        if (closed) {
            return;
        }
        closed = true;
        cancelHeartbeat();
        queue.clear();
        subscriptions.clear();
        publishInfo();
        closeListener.accept(this);
    }

    // --- observability -------------------------------------------------------------------------------------------------

    void publishInfo() {
        info = new ConnectionInfo(id, handshake, suspended, silent, subscriptions.infos());
    }

    ConnectionInfo info() {
        return info;
    }
}
