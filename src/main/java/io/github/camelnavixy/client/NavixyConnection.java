package io.github.camelnavixy.client;

import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.protocol.AtmosphereFraming;
import io.github.camelnavixy.protocol.ErrorResponse;
import io.github.camelnavixy.protocol.EventMessage;
import io.github.camelnavixy.protocol.Handshake;
import io.github.camelnavixy.protocol.InboundMessage;
import io.github.camelnavixy.protocol.SubscriptionResponse;
import io.github.camelnavixy.protocol.SubscriptionResult;
import io.github.camelnavixy.protocol.MalformedFrameException;
import io.github.camelnavixy.protocol.MessageDecoder;
import io.github.camelnavixy.protocol.TrackerStatus;
import io.github.camelnavixy.subscription.SubscriptionPlan;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One logical subscription to the Navixy feed, kept alive across sockets: connect, Atmosphere handshake, subscribe,
 * heartbeats, pings, idle detection, reconnect with backoff, and unsubscribe on stop.
 *
 * <p>All state lives on one Vert.x context (a single event-loop thread), so nothing here needs locks; public methods
 * hop onto that context. Each socket gets a generation number and handlers of an older socket are ignored, which is
 * what keeps at most one socket feeding the listener even when a close and a reconnect race.
 */
public final class NavixyConnection {

    private static final Logger LOG = LoggerFactory.getLogger(NavixyConnection.class);
    private static final int AUTH_WRONG_HASH = 3;
    private static final int AUTH_SESSION_ENDED = 4;
    private static final int TOO_MANY_REQUESTS = 15;
    private static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 30_000;
    /** Database error, unexpected error, queue service error, database unavailable: worth retrying. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 6, 8, 14);

    private final Context context;
    private final ConnectionSettings settings;
    private final SubscriptionPlan plan;
    private final HashSource hashSource;
    private final ConnectionListener listener;
    private final WebSocketClient client;
    private final MessageDecoder decoder;
    private final String name;

    // Counters are read from other threads (health, JMX), so they are atomics; everything else is context-confined.
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicInteger openSockets = new AtomicInteger();

    private volatile ConnectionState state = ConnectionState.NEW;
    /** The event-loop thread of {@link #context}: an event-loop context always runs on the same thread. */
    private volatile Thread loopThread;
    private volatile int failures;
    private volatile long nextRetryMillis;
    private volatile String lastError;
    private volatile Map<String, Map<Long, TrackerStatus>> trackerStatuses = Map.of();

    private WebSocket socket;
    private long generation;
    private Buffer partialMessage;
    private String hash;
    private String padding = AtmosphereFraming.DEFAULT_PADDING;
    private long lastReceivedNanos;
    private boolean pausedByListener;
    private boolean reloginUsed;
    private long reconnectTimer = -1;
    private long connectTimer = -1;
    private long handshakeTimer = -1;
    private long heartbeatTimer = -1;
    private long pingTimer = -1;
    private long idleTimer = -1;
    private Promise<Void> unsubscribed;
    private Promise<Void> stopped;

    public NavixyConnection(
            Vertx vertx, WebSocketClientOptions clientOptions, ConnectionSettings settings, SubscriptionPlan plan,
            HashSource hashSource, ConnectionListener listener, String name) {
        this.context = vertx.getOrCreateContext();
        this.settings = settings;
        this.plan = plan;
        this.hashSource = hashSource;
        this.listener = listener;
        this.name = name;
        this.decoder = new MessageDecoder(settings.zone());
        WebSocketClientOptions options = new WebSocketClientOptions(clientOptions)
                .setMaxFrameSize(settings.maxMessageSize())
                .setMaxMessageSize(settings.maxMessageSize())
                // After our close frame, wait this long (seconds) for the server's before dropping TCP: a hung server
                // must not hold a stop for Vert.x's default 10 s.
                .setClosingTimeout(1)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.idleTimeoutMillis() > 0
                        ? settings.idleTimeoutMillis() : DEFAULT_CONNECT_TIMEOUT_MILLIS));
        this.client = vertx.createWebSocketClient(options);
    }

    /** Connects in the background; never waits for the network. */
    public void start() {
        context.runOnContext(v -> {
            loopThread = Thread.currentThread();
            if (state == ConnectionState.NEW) {
                connect();
            }
        });
    }

    /**
     * Unsubscribes (waiting at most the configured time for the answer), closes the socket and cancels every timer.
     * The future completes when nothing of this connection is left running.
     */
    public Future<Void> stop() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> stopOnContext().onComplete(done));
        return done.future();
    }

    /**
     * Stops reading from the socket (backpressure); frames wait in the TCP buffers. Called from the listener on the
     * event loop, it takes effect before the next frame of the same read is handed over.
     */
    public void pause() {
        onContext(() -> {
            pausedByListener = true;
            if (socket != null) {
                socket.pause();
            }
        });
    }

    /** Reads again after {@link #pause()}. */
    public void resume() {
        onContext(() -> {
            pausedByListener = false;
            // Time spent paused by us is not silence from the server.
            lastReceivedNanos = System.nanoTime();
            if (socket != null) {
                socket.resume();
            }
        });
    }

    /**
     * Applies the backpressure state the consumer wants, read when applied: an update that arrives late (hopping from
     * another thread) can then never undo a newer one. On the event loop it takes effect at once.
     */
    public void applyFlow(BooleanSupplier wantPaused) {
        onContext(() -> {
            boolean paused = wantPaused.getAsBoolean();
            if (paused == pausedByListener) {
                return;
            }
            pausedByListener = paused;
            if (!paused) {
                lastReceivedNanos = System.nanoTime(); // time spent paused by us is not silence from the server
            }
            if (socket != null) {
                if (paused) {
                    socket.pause();
                } else {
                    socket.resume();
                }
            }
        });
    }

    private void onContext(Runnable action) {
        if (Thread.currentThread() == loopThread) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    public ConnectionState state() {
        return state;
    }

    public ConnectionSnapshot snapshot() {
        return new ConnectionSnapshot(state, failures, nextRetryMillis, lastError, trackerStatuses, frames.get(),
                events.get(), reconnects.get(), errors.get(), openSockets.get());
    }

    // ---- connecting ------------------------------------------------------------------------------------------------

    private void connect() {
        reconnectTimer = -1;
        nextRetryMillis = 0;
        changeState(ConnectionState.CONNECTING, "connecting to " + settings.webSocketUrl());
        long attempt = ++generation;
        AtomicBoolean counted = new AtomicBoolean(); // whether this attempt's socket is counted in openSockets
        // A server that accepts TCP but never answers the upgrade must not stall us. (Vert.x's request timeout is
        // not used: on a WebSocket it keeps acting as an idle timeout after the upgrade.)
        long timeout = connectTimeoutMillis();
        connectTimer = context.owner().setTimer(timeout, t -> {
            connectTimer = -1;
            if (attempt == generation && state == ConnectionState.CONNECTING) {
                connectionLost("no answer to the WebSocket upgrade within " + timeout + " ms");
            }
        });
        hashSource.hash()
                .compose(h -> {
                    hash = h;
                    if (attempt != generation) {
                        return Future.failedFuture("superseded");
                    }
                    // Handlers go on before the upgrade: the handshake can arrive in the same read as the 101 answer.
                    ClientWebSocket ws = client.webSocket();
                    installHandlers(ws, attempt, counted);
                    WebSocketConnectOptions options = new WebSocketConnectOptions()
                            .setAbsoluteURI(AtmosphereFraming.withConnectQuery(settings.webSocketUrl()));
                    // The future yields Vert.x's inner socket; keep the wrapper, the one the handlers know.
                    return ws.connect(options).map(connected -> (WebSocket) ws);
                })
                .onComplete(result -> {
                    if (attempt != generation || state.terminal() || state == ConnectionState.STOPPING) {
                        // Stopped or superseded while connecting: close what arrived late.
                        if (result.succeeded()) {
                            result.result().close();
                        }
                        return;
                    }
                    if (result.failed()) {
                        onAttemptFailed(result.cause());
                    } else {
                        onOpen(result.result(), counted);
                    }
                });
    }

    private long connectTimeoutMillis() {
        return settings.idleTimeoutMillis() > 0 ? settings.idleTimeoutMillis() : DEFAULT_CONNECT_TIMEOUT_MILLIS;
    }

    private void installHandlers(ClientWebSocket ws, long attempt, AtomicBoolean counted) {
        ws.frameHandler(frame -> {
            if (attempt == generation) {
                onOpen(ws, counted); // a frame may come before the connect future completes
                onFrame(frame);
            }
        });
        ws.pongHandler(pong -> {
            if (attempt == generation) {
                lastReceivedNanos = System.nanoTime();
            }
        });
        ws.exceptionHandler(error -> {
            if (attempt == generation) {
                connectionLost("socket error: " + error.getMessage());
            }
        });
        ws.closeHandler(v -> {
            if (counted.compareAndSet(true, false)) {
                openSockets.decrementAndGet();
            }
            if (attempt == generation) {
                connectionLost("closed by server" + closeReason(ws));
            }
        });
    }

    /** The upgrade succeeded: start the session on this socket. Idempotent, since frames can arrive first. */
    private void onOpen(WebSocket ws, AtomicBoolean counted) {
        if (socket == ws) {
            return;
        }
        socket = ws;
        cancelTimer(connectTimer);
        connectTimer = -1;
        if (counted.compareAndSet(false, true)) {
            openSockets.incrementAndGet();
        }
        partialMessage = null;
        lastReceivedNanos = System.nanoTime();
        if (pausedByListener) {
            ws.pause();
        }
        changeState(ConnectionState.HANDSHAKING, "socket open");
        handshakeTimer = context.owner().setTimer(settings.handshakeWaitMillis(), t -> {
            handshakeTimer = -1;
            if (state == ConnectionState.HANDSHAKING) {
                subscribe();
            }
        });
        startLivenessTimers();
    }

    private static String closeReason(WebSocket ws) {
        Short status = ws.closeStatusCode();
        return status == null ? "" : " (status " + status + (ws.closeReason() == null ? "" : ", " + ws.closeReason()) + ")";
    }

    private void startLivenessTimers() {
        cancelTimer(pingTimer);
        cancelTimer(idleTimer);
        pingTimer = idleTimer = -1;
        if (settings.pingIntervalMillis() > 0) {
            pingTimer = context.owner().setPeriodic(settings.pingIntervalMillis(), t -> {
                if (socket != null && !socket.isClosed()) {
                    socket.writePing(Buffer.buffer());
                }
            });
        }
        if (settings.idleTimeoutMillis() > 0) {
            long check = Math.max(50, Math.min(1000, settings.idleTimeoutMillis() / 4));
            long idleNanos = settings.idleTimeoutMillis() * 1_000_000L;
            idleTimer = context.owner().setPeriodic(check, t -> {
                if (!pausedByListener && System.nanoTime() - lastReceivedNanos > idleNanos) {
                    connectionLost("nothing received for " + settings.idleTimeoutMillis() + " ms");
                }
            });
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    private void onFrame(WebSocketFrame frame) {
        lastReceivedNanos = System.nanoTime();
        if (!frame.isText() && !frame.isContinuation()) {
            return; // ping, pong, binary: liveness only
        }
        Buffer data = frame.binaryData();
        if (partialMessage != null || !frame.isFinal()) {
            // A large message arrives in continuation frames: reassemble it, bounded by maxMessageSize.
            partialMessage = partialMessage == null ? Buffer.buffer(data.length() * 2) : partialMessage;
            if (partialMessage.length() + data.length() > settings.maxMessageSize()) {
                partialMessage = null;
                connectionLost("message larger than maxMessageSize " + settings.maxMessageSize());
                return;
            }
            partialMessage.appendBuffer(data);
            if (!frame.isFinal()) {
                return;
            }
            data = partialMessage;
            partialMessage = null;
        }
        frames.incrementAndGet();
        byte[] bytes = data.getBytes();
        InboundMessage message;
        try {
            message = decoder.decode(bytes, 0, bytes.length);
        } catch (MalformedFrameException e) {
            errors.incrementAndGet();
            lastError = e.getMessage();
            listener.onMalformedFrame(e);
            return;
        }
        onMessage(message);
    }

    private void onMessage(InboundMessage message) {
        if (message instanceof Handshake handshake) {
            if (state == ConnectionState.HANDSHAKING) {
                onHandshake(handshake);
            }
        } else if (message instanceof EventMessage eventMessage) {
            if (state == ConnectionState.HANDSHAKING) {
                subscribe(); // no handshake came: the first JSON frame opens the session
            }
            for (MalformedFrameException problem : eventMessage.problems()) {
                errors.incrementAndGet();
                lastError = problem.getMessage();
                listener.onMalformedFrame(problem);
            }
            onEvent(eventMessage.event());
        } else if (message instanceof SubscriptionResponse response) {
            onResponse(response);
        } else if (message instanceof ErrorResponse error) {
            onError(error);
        }
        // Heartbeats and padding only prove the link is alive, which receiving them already recorded.
    }

    private void onHandshake(Handshake handshake) {
        cancelTimer(handshakeTimer);
        handshakeTimer = -1;
        padding = handshake.padding() == null || handshake.padding().isEmpty()
                ? AtmosphereFraming.DEFAULT_PADDING : handshake.padding();
        long interval = handshake.heartbeatIntervalMillis();
        if (interval > 0) {
            heartbeatTimer = context.owner().setPeriodic(interval, t -> {
                if (socket != null && !socket.isClosed()) {
                    socket.writeTextMessage(padding);
                }
            });
        }
        subscribe();
    }

    private void subscribe() {
        cancelTimer(handshakeTimer);
        handshakeTimer = -1;
        changeState(ConnectionState.SUBSCRIBING, "subscribing to " + plan.eventTypesText() + " for trackers " + plan.target());
        socket.writeTextMessage(plan.subscribeRequest(hash));
    }

    private void onEvent(NavixyEvent event) {
        events.incrementAndGet();
        listener.onEvent(event);
        if (NavixyEvent.LOGOUT.equals(event.name())) {
            onSessionEnded("the server sent a logout event", 0);
        }
    }

    private void onResponse(SubscriptionResponse response) {
        if (response.isUnsubscribe()) {
            if (unsubscribed != null) {
                unsubscribed.tryComplete();
            }
            return;
        }
        Map<String, Map<Long, TrackerStatus>> statuses = new LinkedHashMap<>();
        response.results().forEach((type, result) -> statuses.put(type, result.statuses()));
        trackerStatuses = Map.copyOf(statuses);
        boolean accepted = response.results().isEmpty()
                || response.results().values().stream().anyMatch(SubscriptionResult::success);
        if (state == ConnectionState.SUBSCRIBING && accepted) {
            failures = 0;
            reloginUsed = false;
            lastError = null;
            changeState(ConnectionState.SUBSCRIBED, "subscribed to " + String.join(",", response.events()));
        } else if (!accepted) {
            // Nothing will flow; stay SUBSCRIBING (health DOWN) and say why rather than claim a subscription.
            lastError = "the server accepted none of the requests " + response.results().keySet();
        }
        listener.onSubscribed(response);
    }

    private void onError(ErrorResponse error) {
        errors.incrementAndGet();
        lastError = "error response code " + error.code() + " (" + error.description() + ") to " + error.action();
        if (state == ConnectionState.STOPPING && unsubscribed != null) {
            unsubscribed.tryComplete(); // an unsubscribe refused is still an answer: stop waiting
            return;
        }
        if (error.code() == AUTH_WRONG_HASH || error.code() == AUTH_SESSION_ENDED) {
            onSessionEnded("the server refused the hash: " + lastError, error.code());
        } else if (error.code() == TOO_MANY_REQUESTS) {
            connectionLost("rate limited by the server (code 15)");
        } else {
            listener.onServerError(error);
            if (state == ConnectionState.SUBSCRIBING && TRANSIENT_CODES.contains(error.code())) {
                // A server-side hiccup refused the subscription: try again later rather than sit unsubscribed.
                connectionLost("subscribe failed with transient error " + error.code());
            }
        }
    }

    /** The hash is no longer good: log in again once if we can, otherwise give up (retrying cannot help). */
    private void onSessionEnded(String reason, int code) {
        if (state.terminal() || state == ConnectionState.STOPPING) {
            return;
        }
        if (hashSource.renewable() && !reloginUsed) {
            reloginUsed = true;
            LOG.info("Navixy {}: {}; logging in again", name, reason);
            closeSocket();
            hashSource.renew().onComplete(renewed -> {
                if (state.terminal() || state == ConnectionState.STOPPING) {
                    return;
                }
                if (renewed.succeeded()) {
                    connect();
                } else {
                    onAttemptFailed(renewed.cause());
                }
            });
            return;
        }
        giveUp(new NavixyAuthenticationException("Navixy authentication failed: " + reason
                + (hashSource.renewable() ? " (again after a new login)" : "; check or replace the apiKey") + ". Not retrying.", code));
    }

    // ---- losing and regaining the connection ---------------------------------------------------------------------

    private void onAttemptFailed(Throwable cause) {
        if (cause instanceof NavixyAuthenticationException auth) {
            giveUp(auth);
        } else {
            connectionLost("connect failed: " + cause.getMessage());
        }
    }

    private void connectionLost(String reason) {
        if (state.terminal() || state == ConnectionState.STOPPING || state == ConnectionState.WAITING_TO_RECONNECT) {
            return;
        }
        lastError = reason;
        closeSocket();
        failures++;
        if (!settings.backoff().allowsAnotherAttempt(failures)) {
            giveUp(new NavixyConnectionException("Navixy connection gave up after " + failures + " failed attempts; last error: " + reason));
            return;
        }
        long delay = settings.backoff().delayMillis(failures);
        nextRetryMillis = System.currentTimeMillis() + delay;
        reconnects.incrementAndGet();
        changeState(ConnectionState.WAITING_TO_RECONNECT, reason + "; reconnecting in " + delay + " ms (attempt " + (failures + 1) + ")");
        reconnectTimer = context.owner().setTimer(Math.max(1, delay), t -> connect());
    }

    private void giveUp(NavixyConnectionException cause) {
        lastError = cause.getMessage();
        closeSocket();
        cancelTimer(reconnectTimer);
        reconnectTimer = -1;
        nextRetryMillis = 0;
        changeState(ConnectionState.FAILED, cause.getMessage());
        client.close();
        hashSource.close();
        listener.onGaveUp(cause);
    }

    /** Drops the current socket and its timers; its late callbacks are ignored through the generation check. */
    private void closeSocket() {
        generation++;
        cancelTimer(connectTimer);
        cancelTimer(handshakeTimer);
        cancelTimer(heartbeatTimer);
        cancelTimer(pingTimer);
        cancelTimer(idleTimer);
        connectTimer = handshakeTimer = heartbeatTimer = pingTimer = idleTimer = -1;
        partialMessage = null;
        if (socket != null) {
            WebSocket closing = socket;
            socket = null;
            if (!closing.isClosed()) {
                closing.close();
            }
        }
    }

    // ---- stopping ---------------------------------------------------------------------------------------------------

    private Future<Void> stopOnContext() {
        if (stopped != null) {
            return stopped.future();
        }
        stopped = Promise.promise();
        if (state == ConnectionState.FAILED) {
            // Gave up already: giveUp released the socket and clients, and the state says why.
            stopped.complete();
            return stopped.future();
        }
        boolean subscribed = state == ConnectionState.SUBSCRIBED && socket != null;
        changeState(ConnectionState.STOPPING, "stop requested");
        cancelTimer(reconnectTimer);
        reconnectTimer = -1;
        Future<Void> unsubscribe = subscribed ? unsubscribe() : Future.succeededFuture();
        unsubscribe.onComplete(v -> {
            closeSocket();
            client.close();
            hashSource.close();
            changeState(ConnectionState.STOPPED, "stopped");
            stopped.complete();
        });
        return stopped.future();
    }

    private Future<Void> unsubscribe() {
        unsubscribed = Promise.promise();
        socket.writeTextMessage(plan.unsubscribeRequest(hash));
        long timer = context.owner().setTimer(Math.max(1, settings.unsubscribeWaitMillis()), t -> unsubscribed.tryComplete());
        return unsubscribed.future().onComplete(v -> cancelTimer(timer));
    }

    private void cancelTimer(long id) {
        if (id >= 0) {
            context.owner().cancelTimer(id);
        }
    }

    private void changeState(ConnectionState next, String detail) {
        if (state == next) {
            return;
        }
        state = next;
        if (next == ConnectionState.FAILED) {
            LOG.error("Navixy {}: {}: {}", name, next, detail);
        } else {
            LOG.info("Navixy {}: {} ({})", name, next, detail);
        }
    }
}
