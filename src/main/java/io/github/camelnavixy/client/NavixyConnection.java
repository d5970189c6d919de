package io.github.camelnavixy.client;

import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.protocol.AtmosphereFraming;
import io.github.camelnavixy.protocol.ErrorResponse;
import io.github.camelnavixy.protocol.EventMessage;
import io.github.camelnavixy.protocol.Handshake;
import io.github.camelnavixy.protocol.InboundMessage;
import io.github.camelnavixy.protocol.MalformedFrameException;
import io.github.camelnavixy.protocol.MessageDecoder;
import io.github.camelnavixy.protocol.ServerText;
import io.github.camelnavixy.protocol.SubscriptionResponse;
import io.github.camelnavixy.protocol.SubscriptionResult;
import io.github.camelnavixy.protocol.TrackerStatus;
import io.github.camelnavixy.subscription.SubscriptionPlan;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One logical subscription to the Navixy feed, kept alive across sockets: log in, connect, Atmosphere handshake,
 * subscribe, heartbeats, pings, idle detection, reconnect with backoff, session renewal, and unsubscribe on stop.
 *
 * <p>All state lives on one Vert.x context (a single event-loop thread), so nothing here needs locks; public methods
 * hop onto that context. Each socket is a {@link SocketSession}; callbacks of a session that is no longer
 * {@link #current} are ignored, which keeps at most one socket feeding the listener even when a close and a reconnect
 * race.
 */
public final class NavixyConnection {

    private static final Logger LOG = LoggerFactory.getLogger(NavixyConnection.class);
    private static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 30_000;

    private final Context context;
    private final Vertx vertx;
    private final ConnectionSettings settings;
    private final SubscriptionPlan plan;
    private final HashSource hashSource;
    private final ConnectionListener listener;
    private final WebSocketClientOptions socketOptions;
    private final MessageDecoder decoder;
    private final String name;

    // Read from other threads (health, JMX): atomics and volatiles. Everything else is context-confined.
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicInteger openSockets = new AtomicInteger();
    private volatile ConnectionState state = ConnectionState.NEW;
    private volatile String stateDetail = "not started";
    /** The event-loop thread of {@link #context}: an event-loop context always runs on the same thread. */
    private volatile Thread loopThread;
    private volatile int failures;
    private volatile long nextRetryMillis;
    private volatile String lastError;
    private volatile Map<String, Map<Long, TrackerStatus>> trackerStatuses = Map.of();

    private SocketSession current;
    /** The hash of the live subscription (changes when a renewal had to log in again). */
    private String hash;
    /** Identifies the login a connect waits for, so a stop or a newer attempt makes a late answer harmless. */
    private Object loginAttempt;
    private boolean pausedByListener;
    private boolean reloginUsed;
    private long reconnectTimer = -1;
    private final SessionRenewal renewal;
    private Promise<Void> unsubscribed;
    private Promise<Void> stopped;

    public NavixyConnection(
            Vertx vertx, WebSocketClientOptions clientOptions, ConnectionSettings settings, SubscriptionPlan plan,
            HashSource hashSource, ConnectionListener listener, String name) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.settings = settings;
        this.plan = plan;
        this.hashSource = hashSource;
        this.listener = listener;
        this.name = name;
        this.decoder = new MessageDecoder(settings.zone(), settings.maxMessageSize());
        this.renewal = new SessionRenewal(vertx, hashSource, settings.sessionRenewMillis(), () -> !stoppingOrDone(),
                this::onSessionHash, this::onRenewalFailed);
        this.socketOptions = new WebSocketClientOptions(clientOptions)
                .setMaxFrameSize(settings.maxMessageSize())
                .setMaxMessageSize(settings.maxMessageSize())
                // After our close frame, wait this long (seconds) for the server's before dropping TCP: a hung server
                // must not hold a stop for Vert.x's default 10 s.
                .setClosingTimeout(1)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeoutMillis()));
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
     * The hash source stays open: it belongs to whoever created it. The future completes when nothing of this
     * connection is left running.
     */
    public Future<Void> stop() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> stopOnContext().onComplete(done));
        return done.future();
    }

    /**
     * Applies the backpressure state the consumer wants (reading paused or not). The state is read when applied, not
     * when asked: an update that arrives late, hopping from another thread, can then never undo a newer one. Called on
     * the event loop it takes effect at once, before the next frame of the same read is handed over.
     */
    public void applyFlow(BooleanSupplier wantPaused) {
        onContext(() -> {
            boolean paused = wantPaused.getAsBoolean();
            if (paused == pausedByListener) {
                return;
            }
            pausedByListener = paused;
            if (current != null) {
                if (paused) {
                    current.pause();
                } else {
                    current.received(); // time spent paused by us is not silence from the server
                    current.resume();
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
        return new ConnectionSnapshot(state, stateDetail, failures, nextRetryMillis, renewal.nextMillis(), lastError,
                trackerStatuses, frames.get(), events.get(), reconnects.get(), errors.get(), openSockets.get());
    }

    // ---- logging in and connecting ---------------------------------------------------------------------------------

    private void connect() {
        reconnectTimer = -1;
        nextRetryMillis = 0;
        Object attempt = new Object();
        loginAttempt = attempt;
        Future<String> login = hashSource.hash();
        if (!login.isComplete()) {
            changeState(ConnectionState.LOGGING_IN, "logging in");
        }
        login.onComplete(result -> {
            if (loginAttempt != attempt || stoppingOrDone()) {
                return;
            }
            loginAttempt = null;
            if (result.succeeded()) {
                openSocket(result.result());
            } else {
                onLoginFailed(result.cause());
            }
        });
    }

    private void onLoginFailed(Throwable cause) {
        NavixyConnectionException error = cause instanceof NavixyConnectionException e ? e
                : new NavixyConnectionException("login failed: " + ServerText.safe(String.valueOf(cause.getMessage())), cause);
        if (error instanceof NavixyAuthenticationException auth) {
            giveUp(auth);
            return;
        }
        listener.onLoginFailed(error);
        long minimumWait = error instanceof NavixyLoginLimitException limit ? limit.minimumWaitMillis() : 0;
        retryLater(error.getMessage(), minimumWait);
    }

    private void openSocket(String sessionHash) {
        hash = sessionHash;
        SocketSession session = new SocketSession(vertx, socketOptions, settings.maxMessageSize(), sessionHash);
        current = session;
        changeState(ConnectionState.CONNECTING, "connecting to " + settings.webSocketUrl());
        // A server that accepts TCP but never answers the upgrade must not stall us. (Vert.x's request timeout is
        // not used: on a WebSocket it keeps acting as an idle timeout after the upgrade.)
        long timeout = connectTimeoutMillis();
        session.onConnectTimeout(timeout, () -> {
            if (session == current && state == ConnectionState.CONNECTING) {
                connectionLost("no answer to the WebSocket upgrade within " + timeout + " ms");
            }
        });
        // Handlers go on before the upgrade: the handshake can arrive in the same read as the 101 answer.
        installHandlers(session);
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(AtmosphereFraming.withConnectQuery(settings.webSocketUrl()));
        session.socket().connect(options).onComplete(result -> {
            if (session != current || stoppingOrDone()) {
                // Superseded (the connect timer fired first) or stopped while connecting: never leave it open.
                session.close();
                if (result.succeeded() && !result.result().isClosed()) {
                    result.result().close();
                }
                return;
            }
            if (result.failed()) {
                connectionLost("connect failed: " + ServerText.safe(failureText(result.cause())));
            } else {
                onOpen(session);
            }
        });
    }

    private long connectTimeoutMillis() {
        return settings.idleTimeoutMillis() > 0 ? settings.idleTimeoutMillis() : DEFAULT_CONNECT_TIMEOUT_MILLIS;
    }

    private void installHandlers(SocketSession session) {
        ClientWebSocket ws = session.socket();
        ws.frameHandler(frame -> {
            if (session == current) {
                onOpen(session); // a frame may come before the connect future completes
                onFrame(session, frame);
            }
        });
        ws.pongHandler(pong -> {
            if (session == current) {
                session.received();
            }
        });
        ws.exceptionHandler(error -> {
            if (session == current) {
                connectionLost("socket error: " + ServerText.safe(String.valueOf(error.getMessage())));
            }
        });
        ws.closeHandler(v -> {
            if (session.wasOpened()) {
                openSockets.decrementAndGet();
            }
            if (session == current) {
                connectionLost("closed by server" + closeReason(ws));
            }
        });
    }

    /** The upgrade succeeded: start the session on this socket. Idempotent, since frames can arrive first. */
    private void onOpen(SocketSession session) {
        if (!session.markOpen()) {
            return;
        }
        openSockets.incrementAndGet();
        if (pausedByListener) {
            session.pause();
        }
        changeState(ConnectionState.HANDSHAKING, "socket open");
        session.onHandshakeWait(settings.handshakeWaitMillis(), () -> {
            if (session == current && state == ConnectionState.HANDSHAKING) {
                subscribe(session);
            }
        });
        session.startLiveness(settings.pingIntervalMillis(), settings.idleTimeoutMillis(), () -> pausedByListener, () -> {
            if (session == current) {
                connectionLost("nothing received for " + settings.idleTimeoutMillis() + " ms");
            }
        });
    }

    private static String closeReason(io.vertx.core.http.WebSocket ws) {
        Short status = ws.closeStatusCode();
        return status == null ? "" : " (status " + status
                + (ws.closeReason() == null ? "" : ", " + ServerText.safe(ws.closeReason())) + ")";
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    private void onFrame(SocketSession session, WebSocketFrame frame) {
        session.received();
        if (!frame.isText() && !frame.isContinuation()) {
            return; // ping, pong, binary: liveness only
        }
        MessageReassembler.Outcome outcome = session.reassembler().offer(frame.binaryData(), frame.isContinuation(), frame.isFinal());
        if (outcome instanceof MessageReassembler.Dropped dropped) {
            // Dropped whole; its remaining fragments are skipped and the socket carries on with the next message.
            reportMalformed(MalformedFrameException.of("message larger than maxMessageSize " + dropped.limit()
                    + " dropped", "(" + dropped.bytesSoFar() + " bytes so far)", null));
            return;
        }
        if (!(outcome instanceof MessageReassembler.Whole whole)) {
            return;
        }
        frames.incrementAndGet();
        Buffer data = whole.message();
        byte[] bytes = data.getBytes();
        InboundMessage message;
        try {
            message = decoder.decode(bytes, 0, bytes.length);
        } catch (MalformedFrameException e) {
            reportMalformed(e);
            return;
        }
        onMessage(session, message);
    }

    private void reportMalformed(MalformedFrameException e) {
        errors.incrementAndGet();
        lastError = e.getMessage();
        listener.onMalformedFrame(e);
    }

    private void onMessage(SocketSession session, InboundMessage message) {
        if (message instanceof Handshake handshake) {
            onHandshake(session, handshake);
        } else if (message instanceof EventMessage eventMessage) {
            if (state == ConnectionState.HANDSHAKING) {
                subscribe(session); // no handshake came: the first JSON frame opens the session
            }
            for (MalformedFrameException problem : eventMessage.problems()) {
                reportMalformed(problem);
            }
            onEvent(eventMessage.event());
        } else if (message instanceof SubscriptionResponse response) {
            onResponse(session, response);
        } else if (message instanceof ErrorResponse error) {
            onError(error);
        }
        // Heartbeats and padding only prove the link is alive, which receiving them already recorded.
    }

    /**
     * The handshake sets the client heartbeat. It normally opens the session; one that comes after the fallback
     * subscribe (a socket held paused by backpressure past the handshake wait) still starts the heartbeat.
     */
    private void onHandshake(SocketSession session, Handshake handshake) {
        long period = session.startHeartbeat(handshake.heartbeatIntervalMillis(), handshake.padding());
        if (period > 0 && period != handshake.heartbeatIntervalMillis()) {
            LOG.debug("Navixy {}: the handshake asked for heartbeats every {} ms; sending every {} ms", name,
                    handshake.heartbeatIntervalMillis(), period);
        }
        if (state == ConnectionState.HANDSHAKING) {
            subscribe(session);
        }
    }

    private void subscribe(SocketSession session) {
        session.cancelHandshakeWait();
        changeState(ConnectionState.SUBSCRIBING, "subscribing to " + plan.eventTypesText() + " for trackers " + plan.target());
        session.write(plan.subscribeRequest(hash));
    }

    private void onEvent(NavixyEvent event) {
        events.incrementAndGet();
        listener.onEvent(event);
        if (NavixyEvent.LOGOUT.equals(event.name())) {
            onSessionEnded("the server sent a logout event", 0);
        }
    }

    private void onResponse(SocketSession session, SubscriptionResponse response) {
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
            reloginUsed = false;
            lastError = null;
            changeState(ConnectionState.SUBSCRIBED, "subscribed to " + ServerText.safe(String.join(",", response.events())));
            // Only a subscription that lasts proves the link works; one that dies sooner keeps backing off.
            session.afterStable(settings.stableAfterMillis(), () -> {
                if (session == current && state == ConnectionState.SUBSCRIBED) {
                    failures = 0;
                }
            });
            renewal.schedule();
        } else if (!accepted) {
            // Nothing will flow; stay SUBSCRIBING (health DOWN) and say why rather than claim a subscription.
            lastError = "the server accepted none of the requests " + ServerText.idList(response.results().keySet());
        }
        listener.onSubscribed(response);
    }

    private void onError(ErrorResponse error) {
        errors.incrementAndGet();
        lastError = "error response code " + error.code() + " (" + ServerText.safe(error.description()) + ") to "
                + ServerText.safe(error.action());
        if (state == ConnectionState.STOPPING && unsubscribed != null) {
            unsubscribed.tryComplete(); // an unsubscribe refused is still an answer: stop waiting
            return;
        }
        ErrorCodePolicy policy = ErrorCodePolicy.of(error.code());
        boolean answersSubscribe = state == ConnectionState.SUBSCRIBING;
        switch (policy) {
            case SESSION_ENDED -> onSessionEnded("the server refused the hash: " + lastError, error.code());
            case SLOW_DOWN -> connectionLost("rate limited by the server (code 15)");
            default -> {
                listener.onServerError(error);
                if (answersSubscribe) {
                    // Not subscribed: try again rather than sit there. A transient code gets the normal backoff,
                    // any other waits at least reconnectMaxDelay, since a refused request seldom gets better soon.
                    long minimumWait = policy == ErrorCodePolicy.TRANSIENT ? 0 : settings.backoff().maxDelayMillis();
                    retryLater("subscribe failed with error " + error.code(), minimumWait);
                }
            }
        }
    }

    /** The hash is no longer good: log in again once if we can, otherwise give up (retrying cannot help). */
    private void onSessionEnded(String reason, int code) {
        if (stoppingOrDone()) {
            return;
        }
        if (hashSource.renewable() && !reloginUsed) {
            reloginUsed = true;
            hashSource.forget(hash);
            LOG.info("Navixy {}: {}; logging in again", name, reason);
            // Through the backoff, so a server that keeps ending fresh sessions does not get a login storm.
            retryLater(reason + "; logging in again", 0);
            return;
        }
        giveUp(new NavixyAuthenticationException("Navixy authentication failed: " + reason
                + (hashSource.renewable() ? " (again after a new login)" : "; check or replace the apiKey") + ". Not retrying.", code));
    }

    // ---- keeping a login session alive -------------------------------------------------------------------------------

    /**
     * After a renewal: a new hash (renewing failed, a new login succeeded) moves the live subscription over to it on the
     * same socket (a subscribe with the new hash replaces the old one), so the feed has no gap.
     */
    private void onSessionHash(String renewed) {
        if (renewed.equals(hash)) {
            return;
        }
        hash = renewed;
        if (state == ConnectionState.SUBSCRIBED && current != null) {
            LOG.info("Navixy {}: new login session; subscribing again on the same socket", name);
            current.write(plan.subscribeRequest(renewed));
        }
    }

    private void onRenewalFailed(NavixyConnectionException error) {
        lastError = error.getMessage();
        listener.onLoginFailed(error);
    }

    // ---- losing and regaining the connection ---------------------------------------------------------------------

    private void connectionLost(String reason) {
        retryLater(reason, 0);
    }

    /** Drops the socket, counts a failure and schedules the next attempt after the backoff (or the minimum wait). */
    private void retryLater(String reason, long minimumWaitMillis) {
        if (stoppingOrDone() || state == ConnectionState.WAITING_TO_RECONNECT) {
            return;
        }
        lastError = reason;
        closeSession();
        failures++;
        if (!settings.backoff().allowsAnotherAttempt(failures)) {
            giveUp(new NavixyConnectionException("Navixy connection gave up after " + failures + " failed attempts; last error: " + reason));
            return;
        }
        long delay = Math.max(settings.backoff().delayMillis(failures), minimumWaitMillis);
        nextRetryMillis = System.currentTimeMillis() + delay;
        reconnects.incrementAndGet();
        changeState(ConnectionState.WAITING_TO_RECONNECT, reason + "; reconnecting in " + delay + " ms (attempt " + (failures + 1) + ")");
        reconnectTimer = vertx.setTimer(Math.max(1, delay), t -> connect());
    }

    private void giveUp(NavixyConnectionException cause) {
        lastError = cause.getMessage();
        closeSession();
        cancelTimers();
        loginAttempt = null;
        nextRetryMillis = 0;
        changeState(ConnectionState.FAILED, cause.getMessage());
        listener.onGaveUp(cause);
    }

    /** Drops the current socket and its timers; its late callbacks are ignored, since it is no longer current. */
    private void closeSession() {
        SocketSession session = current;
        current = null;
        if (session != null) {
            session.close();
        }
    }

    private void cancelTimers() {
        if (reconnectTimer >= 0) {
            vertx.cancelTimer(reconnectTimer);
            reconnectTimer = -1;
        }
        renewal.cancel();
    }

    private boolean stoppingOrDone() {
        return state.terminal() || state == ConnectionState.STOPPING;
    }

    // ---- stopping ---------------------------------------------------------------------------------------------------

    private Future<Void> stopOnContext() {
        if (stopped != null) {
            return stopped.future();
        }
        stopped = Promise.promise();
        if (state == ConnectionState.FAILED) {
            // Gave up already: giveUp released the socket and timers, and the state says why.
            stopped.complete();
            return stopped.future();
        }
        SocketSession subscribedOn = state == ConnectionState.SUBSCRIBED ? current : null;
        changeState(ConnectionState.STOPPING, "stop requested");
        cancelTimers();
        loginAttempt = null;
        Future<Void> unsubscribe = subscribedOn != null && subscribedOn.isOpen() ? unsubscribe(subscribedOn) : Future.succeededFuture();
        unsubscribe.onComplete(v -> {
            closeSession();
            changeState(ConnectionState.STOPPED, "stopped");
            stopped.complete();
        });
        return stopped.future();
    }

    private Future<Void> unsubscribe(SocketSession session) {
        unsubscribed = Promise.promise();
        session.write(plan.unsubscribeRequest(hash));
        long timer = vertx.setTimer(Math.max(1, settings.unsubscribeWaitMillis()), t -> unsubscribed.tryComplete());
        return unsubscribed.future().onComplete(v -> vertx.cancelTimer(timer));
    }

    private void changeState(ConnectionState next, String detail) {
        stateDetail = detail;
        if (state == next) {
            return;
        }
        state = next;
        if (next == ConnectionState.FAILED) {
            LOG.error("Navixy {}: {}: {}", name, next, detail);
        } else {
            LOG.info("Navixy {}: {} ({})", name, next, detail);
        }
        listener.onStateChanged(next, detail);
    }

    /**
     * A failure with the reason underneath it: Vert.x reports a TLS failure as "Failed to create SSL connection" and
     * keeps the why (untrusted certificate, host name mismatch) in the cause, which is what a person needs to see.
     */
    private static String failureText(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
