package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A faithful stand-in for Navixy's real-time WebSocket API ({@code /v2/event/subscription}, Atmosphere framing
 * included) with a simulated fleet, a sliver of the REST API ({@code user/auth}, {@code user/session/renew},
 * {@code user/logout}, {@code tracker/list}, {@code track/read} from the recorded history), a control API to steer the fleet, and injectable faults for resilience tests.
 *
 * <pre>{@code
 * try (NavixySimulator sim = NavixySimulator.builder().tickInterval(Duration.ofMillis(100)).build().start()) {
 *     String url = sim.webSocketUrl();          // ws://127.0.0.1:<port>/v2/event/subscription
 *     String key = NavixySimulator.DEFAULT_API_KEY;
 *     ...
 * }
 * }</pre>
 *
 * <p>Threading: all protocol work happens on one Vert.x event loop. Control methods may be called from any thread;
 * those that act on open sockets return a {@link Future} that completes (with the number of affected connections
 * where that makes sense) once the action has run on the event loop. Switches (blocked ids, faults, credentials)
 * take effect immediately.
 */
public final class NavixySimulator implements AutoCloseable {

    /** The API key every simulator accepts unless the builder names others. */
    public static final String DEFAULT_API_KEY = "5f3c2a9e8b7d41c6a0e1f2d3c4b5a697";
    /** The login of the default account (used when the builder names no account). */
    public static final String DEFAULT_LOGIN = "demo@navixy.example";
    /** The password of the default account. */
    public static final String DEFAULT_PASSWORD = "demo-password";
    /** The system property {@link #main} reads the port from. */
    public static final String PORT_PROPERTY = "navixy.simulator.port";

    private static final Logger LOG = LoggerFactory.getLogger(NavixySimulator.class);

    private final SimulatorConfig config;
    private final Vertx vertx;
    private final boolean ownVertx;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SimulatorStats stats = new SimulatorStats();
    private final Faults faults = new Faults();
    private final Fleet fleet;
    private final Credentials credentials;
    private final SessionHub hub;
    private final EventShapes shapes;
    private final EventPump pump;
    private final NavixyProtocol protocol;
    private final FrontDoor frontDoor;
    private final SocketRelay relay;
    private final TrackerRestHandler trackerApi;

    private volatile Context context;
    /** Serves HTTP and WebSocket on an ephemeral loopback port, behind the relay that owns the public port. */
    private volatile HttpServer server;
    private volatile int port;
    private volatile boolean paused;
    private long tickTimer = -1;
    private long sessionSweepTimer = -1;

    private NavixySimulator(SimulatorConfig config, Vertx vertx) {
        this.config = config;
        this.ownVertx = vertx == null;
        this.vertx = vertx != null ? vertx : Vertx.vertx();
        this.port = config.port();
        this.fleet = new Fleet(config.fleetSize(), config.cityLat(), config.cityLng(), config.seed());
        fleet.blocked().addAll(config.blocked());
        fleet.disallowed().addAll(config.disallowed());
        this.credentials = new Credentials(config.apiKeys(), config.accounts(), config.sessionLifetime());
        this.hub = new SessionHub(stats);
        this.shapes = new EventShapes(mapper, config.shape());
        this.pump = new EventPump(fleet, hub, shapes, config.userZone(), config.simulatedTimePerTick(), config.load(),
                this.vertx);
        this.protocol = new NavixyProtocol(mapper, shapes, fleet, credentials, faults, stats, pump,
                config.defaultRateLimit());
        AuthHandler rest = new AuthHandler(mapper, credentials, fleet,
                hashes -> protocol.logout(hub, hashes, "session closed"), faults, stats);
        this.relay = new SocketRelay(this.vertx);
        this.frontDoor = new FrontDoor(faults, stats, rest, relay, this::upgrade);
        this.trackerApi = new TrackerRestHandler(mapper, credentials, fleet, rest, this.vertx, config.userZone());
        rest.trackerApi(trackerApi);
    }

    public static Builder builder() {
        return new Builder();
    }

    // --- lifecycle -------------------------------------------------------------------------------------------------

    /** Binds and starts ticking; blocks until bound. Must not be called on a Vert.x event loop (use {@link #startAsync}). */
    public NavixySimulator start() {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("start() blocks; on an event loop use startAsync()");
        }
        await(startAsync(), "start");
        return this;
    }

    /** Binds and starts ticking; the future completes once the server listens. */
    public Future<NavixySimulator> startAsync() {
        if (context != null) {
            return Future.failedFuture(new IllegalStateException("already started"));
        }
        Promise<NavixySimulator> promise = Promise.promise();
        Context ctx = vertx.getOrCreateContext();
        this.context = ctx;
        ctx.runOnContext(v -> listen().onSuccess(p -> {
            if (config.load() == null) { // in load mode the fleet stands still: only the load stream is sent
                tickTimer = vertx.setPeriodic(config.tickInterval().toMillis(), t -> tick());
            }
            sessionSweepTimer = vertx.setPeriodic(sweepPeriodMillis(), t -> endExpiredSessions());
            LOG.info("Navixy simulator listening on {} ({} trackers, {} shape)", webSocketUrl(), config.fleetSize(),
                    config.shape());
            promise.complete(this);
        }).onFailure(promise::fail));
        return promise.future();
    }

    private Future<Void> listen() {
        Future<HttpServer> internal = server != null ? Future.succeededFuture(server) : listenInternally();
        return internal.compose(http -> relay.listen(config.host(), port, http.actualPort())).map(bound -> {
            port = bound;
            return null;
        });
    }

    private Future<HttpServer> listenInternally() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(0)
                .setMaxWebSocketFrameSize(1 << 20)
                .setMaxWebSocketMessageSize(16 << 20)
                .setWebSocketClosingTimeout(2);
        if (config.tls() != null) {
            options.setSsl(true).setKeyCertOptions(config.tls());
        }
        HttpServer s = vertx.createHttpServer(options).requestHandler(frontDoor::handle)
                .exceptionHandler(e -> LOG.debug("connection error: {}", e.toString()));
        return s.listen().onSuccess(bound -> server = bound);
    }

    /** Checks for expired sessions four times per lifetime, between every 20 ms and every second. */
    private long sweepPeriodMillis() {
        return Math.max(20, Math.min(1000, config.sessionLifetime().toMillis() / 4));
    }

    /** A session past its lifetime ends like a logout: code 4 from now on, and a logout event to its subscribers. */
    private void endExpiredSessions() {
        Set<String> expired = credentials.endExpiredSessions();
        if (!expired.isEmpty()) {
            protocol.logout(hub, expired, "session closed");
        }
    }

    private void tick() {
        try {
            pump.tick(paused);
        } catch (RuntimeException e) {
            LOG.warn("simulator tick failed", e);
        }
    }

    private void upgrade(HttpServerRequest request, RelayedConnection link) {
        AtmosphereParams params = AtmosphereParams.of(request);
        request.toWebSocket().onSuccess(ws -> {
            AtmosphereSession session = new AtmosphereSession(ws, vertx, link, params,
                    config.trackMessageSizeSupported(), config.clientHeartbeat().toMillis(),
                    config.serverHeartbeat().toMillis(), faults, stats);
            session.onRequest(protocol::handle);
            hub.add(session);
            session.start();
        });
    }

    /** Stops ticking, drops every connection, unbinds, and closes the Vert.x instance if the simulator created it. */
    @Override
    public void close() {
        if (Context.isOnEventLoopThread()) {
            closeAsync();
            return;
        }
        await(shutdown(), "close");
        if (ownVertx) {
            await(vertx.close(), "close");
        }
    }

    /** Non-blocking {@link #close()}. */
    public Future<Void> closeAsync() {
        Promise<Void> done = Promise.promise();
        shutdown().onComplete(ar -> {
            if (!ownVertx) {
                done.complete();
                return;
            }
            // Vert.x must not be closed from one of its own event loops and report back there: use another thread
            CompletableFuture.runAsync(() -> vertx.close().onComplete(x -> done.complete()));
        });
        return done.future();
    }

    private Future<Void> shutdown() {
        Context ctx = context;
        if (ctx == null) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        ctx.runOnContext(v -> {
            if (tickTimer >= 0) {
                vertx.cancelTimer(tickTimer);
                tickTimer = -1;
            }
            if (sessionSweepTimer >= 0) {
                vertx.cancelTimer(sessionSweepTimer);
                sessionSweepTimer = -1;
            }
            hub.forEach(AtmosphereSession::dropAbruptly);
            HttpServer s = server;
            server = null;
            relay.shutdown().eventually(() -> s == null ? Future.<Void>succeededFuture() : s.close())
                    .onComplete(ar -> promise.complete());
        });
        return promise.future();
    }

    /** Like a server restart: every socket dies without a close frame, the port is unbound and bound again. */
    public Future<Void> restart() {
        return restart(Duration.ZERO);
    }

    /** Restart with {@code downtime} between unbinding and binding again; the fleet keeps moving meanwhile. */
    public Future<Void> restart(Duration downtime) {
        return onLoop(() -> {
            hub.forEach(AtmosphereSession::dropAbruptly);
            // the relay owns the public port: unbinding it, with every connection dropped, is the restart
            return relay.close().compose(v -> {
                Promise<Void> wait = Promise.promise();
                vertx.setTimer(Math.max(1, downtime.toMillis()), t -> wait.complete());
                return wait.future();
            }).compose(v -> listen());
        });
    }

    // --- addresses -----------------------------------------------------------------------------------------------------

    public int port() {
        return port;
    }

    public String host() {
        return config.host();
    }

    /**
     * {@code http://127.0.0.1:<port>/v2}, the REST base URL (the component's {@code baseUrl}); with TLS
     * {@code https://}, and with {@link Builder#selfSignedTls()} the host is {@code localhost}, the name in the
     * certificate.
     */
    public String baseUrl() {
        return (tls() ? "https://" : "http://") + urlHost() + ":" + port + "/v2";
    }

    /** {@code ws://127.0.0.1:<port>/v2/event/subscription}; with TLS {@code wss://} (host as in {@link #baseUrl()}). */
    public String webSocketUrl() {
        return (tls() ? "wss://" : "ws://") + urlHost() + ":" + port + FrontDoor.WS_PATH;
    }

    /** Whether the simulator serves wss and https. */
    public boolean tls() {
        return config.tls() != null;
    }

    private String urlHost() {
        return config.selfSigned() != null ? Builder.SELF_SIGNED_HOST : config.host();
    }

    /**
     * Trust material for Vert.x clients of a simulator built with {@link Builder#selfSignedTls()}: its certificate.
     *
     * @throws IllegalStateException when the simulator has no self-signed certificate
     */
    public TrustOptions trustOptions() {
        return selfSigned().trustOptions();
    }

    /**
     * Writes the self-signed certificate into a PKCS12 trust store at {@code file}, protected by {@code password}, for
     * clients configured with a key store file (such as Camel's {@code KeyStoreParameters}).
     *
     * @return {@code file}
     * @throws IllegalStateException when the simulator has no self-signed certificate
     */
    public java.nio.file.Path writeTrustStore(java.nio.file.Path file, String password) {
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("navixy-simulator", selfSigned().certificate());
            store.store(out, password.toCharArray());
            return file;
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store " + file + ": " + e.getMessage(), e);
        }
    }

    private SimulatorCertificate selfSigned() {
        if (config.selfSigned() == null) {
            throw new IllegalStateException("the simulator was not built with selfSignedTls()");
        }
        return config.selfSigned();
    }

    /** The first configured API key ({@link #DEFAULT_API_KEY} unless the builder named others). */
    public String apiKey() {
        return config.apiKeys().get(0);
    }

    public Shape shape() {
        return config.shape();
    }

    public Vertx vertx() {
        return vertx;
    }

    // --- fleet -------------------------------------------------------------------------------------------------------

    /** Ground truth of every live tracker as of the latest tick, by tracker id (sorted). */
    public Map<Long, TrackerTruth> fleet() {
        return fleet.truthSnapshot();
    }

    /** Ground truth of one tracker, or null when it is not (or no longer) in the fleet. */
    public TrackerTruth truth(long trackerId) {
        return fleet.truthSnapshot().get(trackerId);
    }

    /** All tracker ids the fleet was created with, in order ({@code 1001, 1002, …}). */
    public List<Long> trackerIds() {
        return new ArrayList<>(fleet.sourceIds().keySet());
    }

    /** Tracker id → source id (source id = tracker id + 9,000,000). */
    public Map<Long, Long> sourceIds() {
        return fleet.sourceIds();
    }

    public long sourceIdOf(long trackerId) {
        Long id = fleet.sourceIds().get(trackerId);
        if (id == null) {
            throw new IllegalArgumentException("no tracker " + trackerId);
        }
        return id;
    }

    public void pauseFleet() {
        paused = true;
    }

    public void resumeFleet() {
        paused = false;
    }

    public boolean fleetPaused() {
        return paused;
    }

    /** Replaces the set of blocked trackers silently (no lifecycle events; see {@link #lifecycle} for those). */
    public void setBlocked(Collection<Long> trackerIds) {
        replace(fleet.blocked(), trackerIds);
    }

    /** Replaces the set of trackers this account may not subscribe to (status {@code disallowed}). */
    public void setDisallowed(Collection<Long> trackerIds) {
        replace(fleet.disallowed(), trackerIds);
    }

    private static void replace(Set<Long> set, Collection<Long> ids) {
        set.retainAll(ids);
        set.addAll(ids);
    }

    /**
     * A lifecycle change ({@code block}, {@code unblock} or {@code corrupt} = removed) with the notifications Navixy
     * sends. The future yields the number of connections that got a standalone {@code lifecycle} event (inline batch
     * items go out with the next batch).
     */
    public Future<Integer> lifecycle(long trackerId, String kind) {
        if (!Set.of("block", "unblock", "corrupt").contains(kind) || !fleet.sourceIds().containsKey(trackerId)) {
            return Future.failedFuture(new IllegalArgumentException("lifecycle(" + trackerId + ", " + kind + ")"));
        }
        return onLoop(() -> Future.succeededFuture(pump.lifecycle(trackerId, kind)));
    }

    // --- credentials ---------------------------------------------------------------------------------------------------

    /**
     * The user's session ends (logout, password change…): every connection with a subscription gets
     * {@code {"type":"event","event":"logout","data":"session closed"}}, its subscriptions are dropped, and every
     * session hash from {@code user/auth} stops working (code 4). API keys keep working.
     *
     * @return the number of connections notified
     */
    public Future<Integer> logout() {
        return logout("session closed");
    }

    /** {@link #logout()} with another {@code data} text. */
    public Future<Integer> logout(String data) {
        credentials.endAllSessions();
        return onLoop(() -> Future.succeededFuture(protocol.logout(hub, null, data)));
    }

    /** Deletes an API key: later subscribes with it get error 4; connections subscribed with it get a logout event. */
    public Future<Integer> revokeApiKey(String key) {
        credentials.revokeApiKey(key);
        return onLoop(() -> Future.succeededFuture(protocol.logout(hub, Set.of(key), "session closed")));
    }

    public void addApiKey(String key) {
        credentials.addApiKey(key);
    }

    public void addAccount(String login, String password) {
        credentials.addAccount(login, password);
    }

    /** A fresh session hash, as if {@code user/auth} had been called. */
    public String createSession() {
        return credentials.createSession();
    }

    // --- faults --------------------------------------------------------------------------------------------------------

    /** Sends {@code frame} as-is (no length prefix) to every open socket, e.g. garbage; yields the socket count. */
    public Future<Integer> sendRaw(String frame) {
        return onLoop(() -> Future.succeededFuture(hub.forEach(s -> s.raw(frame))));
    }

    /** Closes every socket abruptly: TCP FIN without a WebSocket close frame (the client sees 1006). */
    public Future<Integer> dropConnections() {
        return onLoop(() -> Future.succeededFuture(hub.forEach(AtmosphereSession::dropAbruptly)));
    }

    /** Closes every socket with a normal close frame. */
    public Future<Integer> closeConnections(int code, String reason) {
        return onLoop(() -> Future.succeededFuture(hub.forEach(s -> s.closeNormally(code, reason))));
    }

    /** Rejects new WebSocket upgrades with HTTP 503 until {@link #acceptConnections()}. */
    public void refuseConnections() {
        faults.refuse(null, Faults.Refusal.HTTP_503);
    }

    /** Rejects new WebSocket upgrades with HTTP 503 for {@code duration}. */
    public void refuseConnections(Duration duration) {
        faults.refuse(duration, Faults.Refusal.HTTP_503);
    }

    /**
     * Turns new connections away for {@code duration} ({@code null} = until {@link #acceptConnections()}):
     * {@code dropAfterUpgrade=false} rejects the upgrade with 503, {@code true} completes it and closes TCP at once.
     */
    public void refuseConnections(Duration duration, boolean dropAfterUpgrade) {
        faults.refuse(duration, dropAfterUpgrade ? Faults.Refusal.ACCEPT_THEN_DROP : Faults.Refusal.HTTP_503);
    }

    public void acceptConnections() {
        faults.accept();
    }

    /**
     * The open sockets hang: nothing is sent any more (no events, no heartbeats) and nothing is read, so client
     * pings get no pong and a client close frame gets no answer. Implemented in the TCP relay in front of the
     * server, which stops reading both sides (see {@code RelayedConnection}); connections opened later are not
     * affected. Yields the number of sockets silenced.
     */
    public Future<Integer> silenceConnections() {
        return onLoop(() -> onEverySession(AtmosphereSession::silence));
    }

    /** Ends {@link #silenceConnections()}: reading resumes (queued pings/close frames are processed then). */
    public Future<Integer> endSilence() {
        return onLoop(() -> onEverySession(AtmosphereSession::unsilence));
    }

    /** The next {@code count} subscribe actions get an error response with {@code code} (e.g. 3, 4, 6, 15). */
    public void failNextSubscribes(int count, int code) {
        faults.failNextSubscribes(count, code);
    }

    /** The next {@code count} {@code user/auth} calls are answered with error {@code code} (e.g. 104, 105, 6). */
    public void failNextLogins(int count, int code) {
        faults.failNextLogins(count, code);
    }

    /** The next {@code count} {@code user/session/renew} calls are answered with error {@code code} (e.g. 4, 6). */
    public void failNextSessionRenewals(int count, int code) {
        faults.failNextSessionRenewals(count, code);
    }

    /** {@code true}: {@code user/auth} requests are read and never answered (a stalled server); {@code false} ends it. */
    public void stallLogins(boolean stall) {
        faults.stallLogins(stall);
    }

    /** Delays every outbound frame by {@code perFrame} (order kept); {@link Duration#ZERO} turns it off. */
    public void slowWrites(Duration perFrame) {
        faults.writeDelay(perFrame);
    }

    /** Clears refusal, slow writes and pending forced errors (not silence: see {@link #endSilence()}). */
    public void clearFaults() {
        faults.clear();
    }

    // --- observability -------------------------------------------------------------------------------------------------

    /** Every text frame received from clients (heartbeats included), oldest first; the newest 10,000 are kept. */
    public List<String> receivedFrames() {
        return stats.frames();
    }

    /** Every client frame that parsed as a JSON object, oldest first (copies). */
    public List<JsonNode> receivedRequests() {
        return stats.requests();
    }

    public int openConnections() {
        return stats.open.get();
    }

    public int maxOpenConnections() {
        return stats.maxOpen.get();
    }

    /** Completed WebSocket upgrades since start (refused ones excluded). */
    public long connectionsAccepted() {
        return stats.accepted.get();
    }

    /** Upgrade attempts turned away by {@link #refuseConnections}. */
    public long connectionsRefused() {
        return stats.refused.get();
    }

    /** Client {@code X} heartbeats swallowed. */
    public long heartbeatsReceived() {
        return stats.heartbeatsReceived.get();
    }

    /** Server {@code X} heartbeats sent. */
    public long heartbeatsSent() {
        return stats.heartbeatsSent.get();
    }

    /** {@code user/auth} requests received since start (answered or not). */
    public long loginCount() {
        return stats.logins.get();
    }

    /** Successful {@code user/session/renew} calls since start. */
    public long sessionRenewCount() {
        return stats.sessionRenewals.get();
    }

    /** Successful subscribe actions since start. */
    public long subscribeCount() {
        return stats.subscribes.get();
    }

    /** Subscribe actions answered with an error. */
    public long subscribeErrors() {
        return stats.subscribeErrors.get();
    }

    /** The open connections with their active subscriptions. */
    public List<ConnectionInfo> connections() {
        return hub.infos();
    }

    /** Active subscriptions over all open connections (one per connection and event type). */
    public int activeSubscriptions() {
        return hub.infos().stream().mapToInt(c -> c.subscriptions().size()).sum();
    }

    /** Completes once {@link #subscribeCount()} reaches {@code n}. */
    public CompletableFuture<Void> awaitSubscribes(long n) {
        return stats.when(stats.subscribes::get, n);
    }

    /** Completes once {@link #connectionsAccepted()} reaches {@code n}. */
    public CompletableFuture<Void> awaitConnectionsAccepted(long n) {
        return stats.when(stats.accepted::get, n);
    }

    // --- REST tracker API: tracker/list and track/read ---------------------------------------------------------------

    /** A new tracker joins the fleet (next free id, label given or made up); it moves, reports and is in tracker/list. */
    public Future<Long> addTracker(String label) {
        return onLoop(() -> Future.succeededFuture(fleet.add(label)));
    }

    /**
     * A clone of {@code originalTrackerId} in tracker/list: its own tracker id (8001, 8002, …) and label,
     * {@code clone: true}, the original's source. Clones exist in REST only; the feed names sources anyway.
     *
     * @return the clone's tracker id
     */
    public long addClone(long originalTrackerId, String label) {
        return fleet.addClone(originalTrackerId, label);
    }

    /** The recorded track of a tracker, oldest first (one point per GPS second), as track/read serves it. */
    public List<TrackPointTruth> trackHistory(long trackerId) {
        TrackHistory history = fleet.history(trackerId);
        return history == null ? List.of() : history.all();
    }

    /** The recorded points with {@code from < gpsTime < to}. */
    public List<TrackPointTruth> trackHistory(long trackerId, java.time.Instant from, java.time.Instant to) {
        TrackHistory history = fleet.history(trackerId);
        return history == null ? List.of() : history.between(from, to);
    }

    /** Calls of a tracker REST method ({@code tracker/list}, {@code track/read}) received since start. */
    public long restCalls(String method) {
        return trackerApi.calls(method);
    }

    /** Answers {@code method} ({@code tracker/list} or {@code track/read}) only after {@code delay}; ZERO ends it. */
    public void slowRest(String method, Duration delay) {
        trackerApi.faults().delay(method, delay);
    }

    /** The next {@code count} calls of {@code method} are answered with error {@code code} (e.g. 15, 211, 6). */
    public void failNextRestCalls(String method, int count, int code) {
        trackerApi.faults().failNext(method, count, code);
    }

    /** Ends {@link #slowRest} and {@link #failNextRestCalls}. */
    public void clearRestFaults() {
        trackerApi.faults().clear();
    }

    /** How far back track/read serves (the tariff's storage period, default 90 days); older parts are clipped. */
    public void trackStorage(Duration storage) {
        trackerApi.storage(storage);
    }

    /** The longest track/read window (default 30 days); a longer one gets error 211. */
    public void trackMaxSpan(Duration span) {
        trackerApi.maxSpan(span);
    }

    // --- plumbing ------------------------------------------------------------------------------------------------------

    /** Runs {@code action} on every open session; completes, with their number, when all of them are done. */
    private Future<Integer> onEverySession(java.util.function.Function<AtmosphereSession, Future<Void>> action) {
        List<Future<Void>> done = new ArrayList<>();
        int count = hub.forEach(s -> done.add(action.apply(s)));
        return Future.all(done).map(all -> count);
    }

    private <T> Future<T> onLoop(Supplier<Future<T>> action) {
        Context ctx = context;
        if (ctx == null) {
            return Future.failedFuture(new IllegalStateException("simulator not started"));
        }
        Promise<T> promise = Promise.promise();
        ctx.runOnContext(v -> {
            try {
                action.get().onComplete(promise);
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        });
        return promise.future();
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("simulator " + what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the simulator standalone. Port: first argument, else {@code -Dnavixy.simulator.port}, else 8088.
     * Optional system properties: {@code navixy.simulator.fleet} (size), {@code navixy.simulator.tick} (ms),
     * {@code navixy.simulator.shape} (observed|documented).
     */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger(PORT_PROPERTY, 8088);
        Builder b = builder().port(port)
                .fleetSize(Integer.getInteger("navixy.simulator.fleet", 10))
                .tickInterval(Duration.ofMillis(Long.getLong("navixy.simulator.tick", 1000L)));
        if ("documented".equalsIgnoreCase(System.getProperty("navixy.simulator.shape"))) {
            b.shape(Shape.DOCUMENTED);
        }
        NavixySimulator sim = b.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "navixy-simulator-shutdown"));
        System.out.println("Navixy simulator running");
        System.out.println("  WebSocket URL : " + sim.webSocketUrl());
        System.out.println("  REST base URL : " + sim.baseUrl());
        System.out.println("  API key       : " + sim.apiKey());
        System.out.println("  login         : " + DEFAULT_LOGIN + " / " + DEFAULT_PASSWORD);
        System.out.println("  trackers      : " + sim.trackerIds());
        System.out.println("Press Ctrl+C to stop.");
    }

    /**
     * Configures a simulator. Defaults: 127.0.0.1, a free port, 10 trackers (1001…), 1 s ticks, the
     * {@link Shape#OBSERVED} shape, {@link #DEFAULT_API_KEY}, the {@link #DEFAULT_LOGIN} account, client heartbeat
     * 30 s advertised in the handshake, server heartbeat 60 s, default rate limit 1 s, user time zone
     * America/Guatemala (UTC-6, like the captured traffic), fleet around Guatemala City, seed 42.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private int fleetSize = 10;
        private Duration tick = Duration.ofSeconds(1);
        private Duration simulatedTimePerTick;
        private final List<String> apiKeys = new ArrayList<>();
        private final Map<String, String> accounts = new LinkedHashMap<>();
        private Shape shape = Shape.OBSERVED;
        private Duration clientHeartbeat = Duration.ofSeconds(30);
        private Duration serverHeartbeat = Duration.ofSeconds(60);
        private long seed = 42;
        private Duration defaultRateLimit = Duration.ofSeconds(1);
        private ZoneId userZone = ZoneId.of("America/Guatemala");
        private double cityLat = 14.6349;
        private double cityLng = -90.5069;
        private boolean trackMessageSize;
        private final Set<Long> blocked = new LinkedHashSet<>();
        private final Set<Long> disallowed = new LinkedHashSet<>();
        private Duration sessionLifetime = Duration.ofDays(30);
        private Vertx vertx;
        private KeyCertOptions tls;
        private boolean selfSignedTls;

        /** The host name in the certificate {@link #selfSignedTls()} makes, and so in the simulator's URLs. */
        static final String SELF_SIGNED_HOST = "localhost";
        private LoadProfile load;

        private Builder() {
        }

        /** Serve wss and https with this certificate and key (TLS ends at the simulator's HTTP server). */
        public Builder tls(KeyCertOptions keyCert) {
            this.tls = keyCert;
            this.selfSignedTls = false;
            return this;
        }

        /**
         * Serve wss and https with a certificate made up for {@code localhost} and signed by itself: clients refuse it
         * unless they trust it ({@link NavixySimulator#trustOptions()}, {@link NavixySimulator#writeTrustStore}). The
         * URLs then name {@code localhost}, so host name verification can pass; the simulator still binds
         * {@link #host(String)}.
         */
        public Builder selfSignedTls() {
            this.tls = null;
            this.selfSignedTls = true;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** 0 (the default) picks a free port; see {@link NavixySimulator#port()}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder fleetSize(int trackers) {
            if (trackers < 1) {
                throw new IllegalArgumentException("fleet size must be >= 1");
            }
            this.fleetSize = trackers;
            return this;
        }

        /** Wall-clock time between simulation steps (tests: 50-100 ms). */
        public Builder tickInterval(Duration tick) {
            if (tick.toMillis() < 1) {
                throw new IllegalArgumentException("tick interval must be >= 1 ms");
            }
            this.tick = tick;
            return this;
        }

        /**
         * Simulated driving time per step. Default: the tick interval, but at least 1 s, so a fleet ticking every
         * 50 ms moves in fast motion (visible movement, stops and speed changes within a short test).
         */
        public Builder simulatedTimePerTick(Duration time) {
            this.simulatedTimePerTick = time;
            return this;
        }

        /** Adds an accepted API key (32 hex chars); naming any replaces the default key. */
        public Builder apiKey(String key) {
            this.apiKeys.add(key);
            return this;
        }

        /** Adds a login/password account; naming any replaces the default account. */
        public Builder account(String login, String password) {
            this.accounts.put(login, password);
            return this;
        }

        public Builder shape(Shape shape) {
            this.shape = shape;
            return this;
        }

        /** The client heartbeat interval advertised in the handshake; 0 = client heartbeats not configured. */
        public Builder clientHeartbeat(Duration interval) {
            this.clientHeartbeat = interval;
            return this;
        }

        /** Server {@code X} after this long without other writes; 0 = off. Clients can raise it with X-Heartbeat-Server. */
        public Builder serverHeartbeat(Duration interval) {
            this.serverHeartbeat = interval;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Batching interval for subscriptions that send no {@code rate_limit}. */
        public Builder defaultRateLimit(Duration rate) {
            this.defaultRateLimit = rate;
            return this;
        }

        /** The user's time zone: plain timestamps are local to it, ISO ones carry its offset. */
        public Builder userZone(ZoneId zone) {
            this.userZone = zone;
            return this;
        }

        /** Centre of the area the fleet drives around. */
        public Builder city(double lat, double lng) {
            this.cityLat = lat;
            this.cityLng = lng;
            return this;
        }

        /** Honour {@code X-Atmosphere-TrackMessageSize=true} with {@code <len>|} prefixes (off: as Navixy presumably). */
        public Builder trackMessageSizeSupported(boolean supported) {
            this.trackMessageSize = supported;
            return this;
        }

        /** Trackers blocked from the start (status {@code blocked}, no events). */
        public Builder blocked(Long... trackerIds) {
            this.blocked.addAll(List.of(trackerIds));
            return this;
        }

        /** Trackers this account may not subscribe to (status {@code disallowed}). */
        public Builder disallowed(Long... trackerIds) {
            this.disallowed.addAll(List.of(trackerIds));
            return this;
        }

        /**
         * How long a {@code user/auth} session lives from issue or last {@code user/session/renew} (default 30 days,
         * as Navixy's newer docs say). When it is over the session ends like a logout: code 4, and a {@code logout}
         * event to the connections subscribed with it. Tests use seconds.
         */
        public Builder sessionLifetime(Duration lifetime) {
            if (lifetime.toMillis() < 1) {
                throw new IllegalArgumentException("session lifetime must be >= 1 ms");
            }
            this.sessionLifetime = lifetime;
            return this;
        }

        /** Run on this Vert.x (not closed by the simulator); default: a Vert.x of its own, closed on close(). */
        public Builder vertx(Vertx vertx) {
            this.vertx = vertx;
            return this;
        }

        /**
         * Load-test mode: each {@code state_batch} subscription gets the stream of pre-generated frames the profile
         * describes (from the fleet's states at subscribe time) instead of the snapshot and the fleet's batches; the
         * fleet does not move. For benchmarks: see {@link LoadProfile}.
         */
        public Builder load(LoadProfile profile) {
            this.load = profile;
            return this;
        }

        public NavixySimulator build() {
            Duration simTime = simulatedTimePerTick != null ? simulatedTimePerTick
                    : (tick.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : tick);
            SimulatorConfig config = new SimulatorConfig(host, port, fleetSize, tick, simTime,
                    apiKeys.isEmpty() ? List.of(DEFAULT_API_KEY) : List.copyOf(apiKeys),
                    accounts.isEmpty() ? Map.of(DEFAULT_LOGIN, DEFAULT_PASSWORD) : Map.copyOf(accounts),
                    shape, clientHeartbeat, serverHeartbeat, seed, defaultRateLimit, userZone, cityLat, cityLng,
                    trackMessageSize, Set.copyOf(blocked), Set.copyOf(disallowed), sessionLifetime, tls, null, load);
            if (selfSignedTls) {
                SimulatorCertificate selfSigned = SimulatorCertificate.create(SELF_SIGNED_HOST);
                config = config.withTls(selfSigned.keyCertOptions(), selfSigned);
            }
            return new NavixySimulator(config, vertx);
        }
    }
}
