package io.github.camelnavixy;

import io.github.camelnavixy.client.ApiKeyHashSource;
import io.github.camelnavixy.client.BackoffPolicy;
import io.github.camelnavixy.client.ConnectionSettings;
import io.github.camelnavixy.client.ConnectionSnapshot;
import io.github.camelnavixy.client.ConnectionState;
import io.github.camelnavixy.client.HashSource;
import io.github.camelnavixy.client.LoginHashSource;
import io.github.camelnavixy.client.NavixyConnection;
import io.github.camelnavixy.rest.NavixyRestClient;
import io.github.camelnavixy.rest.NavixyTrackerDirectory;
import io.vertx.core.Vertx;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Camel face of a {@link NavixyConnection}. It owns the lifecycle only: start, stop, suspend and resume create
 * and end the connection, the worker thread and the {@link RouteHandOff} that turns what the connection reports into
 * Exchanges and Camel exception handling, through an {@link OrderedDispatcher} that keeps order and pauses the
 * socket while the route is behind.
 */
@ManagedResource(description = "Navixy WebSocket consumer")
public class NavixyConsumer extends DefaultConsumer implements Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(NavixyConsumer.class);
    /** A stop waits this much longer than the unsubscribe wait for the socket to close. */
    private static final long STOP_GRACE_MILLIS = 5000;
    /** Navixy sends the Atmosphere handshake at once; a server that sends none gets the subscribe after this wait. */
    private static final long HANDSHAKE_WAIT_MILLIS = 1000;

    private final NavixyEndpoint endpoint;
    private volatile NavixyConnection connection;
    private volatile OrderedDispatcher dispatcher;
    private volatile RouteHandOff handOff;
    /** Lives from start to stop, across suspend/resume, so a resumed consumer keeps its still valid login session. */
    private HashSource hashSource;
    private ExecutorService worker;
    private Vertx vertx;
    private VertxTransportOptions transport;
    /** With trackerDirectory=true: the directory and gap fill; lives from start to stop, like the hash source. */
    private volatile TrackerFeatures features;
    /** Set while the first connection waits for the directory's first load (guarded by this). */
    private boolean awaitingDirectory;

    public NavixyConsumer(NavixyEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    public NavixyEndpoint getEndpoint() {
        return endpoint;
    }

    /** The connection's state now, for health checks and consoles; NEW before the first start. */
    public ConnectionState getConnectionState() {
        NavixyConnection current = connection;
        return current == null ? ConnectionState.NEW : current.state();
    }

    /** Counters and statuses of the current connection, or {@code null} before the first start. */
    public ConnectionSnapshot getConnectionSnapshot() {
        NavixyConnection current = connection;
        return current == null ? null : current.snapshot();
    }

    @ManagedAttribute(description = "Connection state: CONNECTING, SUBSCRIBED, WAITING_TO_RECONNECT, FAILED, ...")
    public String getConnectionStatus() {
        return getConnectionState().name();
    }

    @ManagedAttribute(description = "WebSocket frames received")
    public long getFrameCount() {
        ConnectionSnapshot s = getConnectionSnapshot();
        return s == null ? 0 : s.frames();
    }

    @ManagedAttribute(description = "Events received")
    public long getEventCount() {
        ConnectionSnapshot s = getConnectionSnapshot();
        return s == null ? 0 : s.events();
    }

    @ManagedAttribute(description = "Reconnects scheduled since start")
    public long getReconnectCount() {
        ConnectionSnapshot s = getConnectionSnapshot();
        return s == null ? 0 : s.reconnects();
    }

    @ManagedAttribute(description = "Errors: malformed frames and error responses")
    public long getErrorCount() {
        ConnectionSnapshot s = getConnectionSnapshot();
        return s == null ? 0 : s.errors();
    }

    @ManagedAttribute(description = "The last connection error, without secrets")
    public String getLastError() {
        ConnectionSnapshot s = getConnectionSnapshot();
        return s == null ? null : s.lastError();
    }

    /** Exchanges handed to the route since start. */
    @ManagedAttribute(description = "Exchanges handed to the route")
    public long getExchangeCount() {
        RouteHandOff current = handOff;
        return current == null ? 0 : current.exchangeCount();
    }

    /** Whether reading from the socket is paused because the route is behind. */
    @ManagedAttribute(description = "Whether reading is paused because the route is behind (backpressure)")
    public boolean isReadingPaused() {
        OrderedDispatcher current = dispatcher;
        return current != null && current.isPaused();
    }

    /** Items received and not yet processed by the route. */
    @ManagedAttribute(description = "Items received and waiting for the route")
    public int getPendingExchanges() {
        OrderedDispatcher current = dispatcher;
        return current == null ? 0 : current.pending();
    }

    /** The tracker directory of this consumer, or {@code null} without trackerDirectory=true or before start. */
    public NavixyTrackerDirectory getTrackerDirectory() {
        TrackerFeatures current = features;
        return current == null ? null : current.directory();
    }

    @ManagedAttribute(description = "REST calls made for the tracker directory and gap fill")
    public long getRestCallCount() {
        TrackerFeatures current = features;
        return current == null ? 0 : current.restCalls();
    }

    @ManagedAttribute(description = "tracker/list loads of the tracker directory")
    public long getTrackerDirectoryLoadCount() {
        TrackerFeatures current = features;
        return current == null ? 0 : current.directoryLoads();
    }

    @ManagedAttribute(description = "track/read calls made by gap fill")
    public long getGapFillRequestCount() {
        TrackerFeatures current = features;
        return current == null ? 0 : current.gapFillRequests();
    }

    @ManagedAttribute(description = "Track points read by gap fill and queued for the route")
    public long getGapFillPointCount() {
        TrackerFeatures current = features;
        return current == null ? 0 : current.gapFillPoints();
    }

    @ManagedAttribute(description = "Gaps found and not yet read by gap fill")
    public long getGapFillBacklog() {
        TrackerFeatures current = features;
        return current == null ? 0 : current.gapFillBacklog();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        transport = VertxTransportOptions.of(endpoint.getConfiguration(), endpoint.getCamelContext());
        CleartextWarning.logIfUnencrypted(endpoint);
        worker = newWorker();
        dispatcher = new OrderedDispatcher(worker, endpoint.getConfiguration().getMaxPendingExchanges());
        handOff = new RouteHandOff(this, dispatcher, endpoint.getConfiguration().isSplitBatch());
        vertx = endpoint.getComponent().acquireVertx();
        NavixyConsumerHealthCheck check = new NavixyConsumerHealthCheck(this, getRouteId());
        check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
        setHealthCheck(check);
        NavixyConfiguration c = endpoint.getConfiguration();
        if (c.isTrackerDirectory()) {
            startWithDirectory(c);
        } else {
            openConnection();
        }
    }

    /**
     * Loads the tracker directory first, so the first snapshot already carries tracker ids and labels; the connection
     * opens once that one attempt is over, loaded or not (start-up itself never waits for the network).
     */
    private void startWithDirectory(NavixyConfiguration c) {
        NavixyRestClient rest = new NavixyRestClient(vertx, transport.httpOptions(), ServiceUrls.baseUrl(c.getBaseUrl()),
                hashSource(c), LoginHashSource.DEFAULT_REQUEST_TIMEOUT_MILLIS, c.getMaxMessageSize());
        TrackerFeatures created = new TrackerFeatures(endpoint.getCamelContext(), c, vertx, rest, handOff);
        features = created;
        handOff.setHooks(created);
        synchronized (this) {
            awaitingDirectory = true;
        }
        created.start().onComplete(loaded -> {
            synchronized (this) {
                if (!awaitingDirectory) {
                    return; // stopped or suspended meanwhile
                }
                awaitingDirectory = false;
                try {
                    openConnection();
                } catch (RuntimeException e) {
                    LOG.warn("Navixy consumer could not open its connection", e);
                    getExceptionHandler().handleException("Navixy consumer could not open its connection", e);
                }
            }
        });
    }

    /**
     * One thread with a profile of its own: the dispatcher gives it one task at a time, so whatever the application's
     * default thread-pool profile says (queue size, rejection policy), nothing is queued past it or run by the caller.
     */
    private ExecutorService newWorker() {
        return endpoint.getCamelContext().getExecutorServiceManager()
                .newThreadPool(this, "NavixyConsumer[" + endpoint.getPlan().eventTypesText() + "]", workerProfile());
    }

    /**
     * The worker's profile. It needs a queue: the dispatcher hands over its next drain as soon as the running one has
     * let go of its flag, which is a moment before the thread is back in the pool; without a queue (Camel makes a
     * {@code SynchronousQueue} for a size of 0 or less) that hand-over was rejected and the waiting work dropped.
     * At most one drain waits there, so a small bound is plenty.
     */
    static ThreadPoolProfile workerProfile() {
        ThreadPoolProfile profile = new ThreadPoolProfile("navixy-worker");
        profile.setPoolSize(1);
        profile.setMaxPoolSize(1);
        profile.setMaxQueueSize(4);
        profile.setAllowCoreThreadTimeOut(false);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            awaitingDirectory = false;
        }
        try {
            if (features != null) {
                features.stop(); // no replay starts or reaches the route from here on
            }
            closeConnection();
        } finally {
            // Even when the server did not let go in time, nothing of this consumer may keep running.
            if (worker != null) {
                endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(worker);
                worker = null;
            }
            features = null;
            if (hashSource != null) {
                hashSource.close();
                hashSource = null;
            }
            if (vertx != null) {
                vertx = null;
                endpoint.getComponent().releaseVertx();
            }
            super.doStop();
        }
    }

    @Override
    protected void doSuspend() throws Exception {
        synchronized (this) {
            awaitingDirectory = false;
        }
        closeConnection();
    }

    @Override
    protected void doResume() throws Exception {
        openConnection();
    }

    private void openConnection() {
        NavixyConfiguration c = endpoint.getConfiguration();
        dispatcher.open();
        ConnectionSettings settings = new ConnectionSettings(
                endpoint.getResolvedWebSocketUrl(),
                new BackoffPolicy(c.getReconnectDelay(), c.getReconnectMaxDelay(), c.getReconnectMaxAttempts()),
                c.getPingInterval(), c.getIdleTimeout(), c.getMaxMessageSize(),
                HANDSHAKE_WAIT_MILLIS,
                c.getUnsubscribeTimeout(), endpoint.getZone());
        NavixyConnection created = new NavixyConnection(vertx, transport.webSocketOptions(), settings, endpoint.getPlan(),
                hashSource(c), handOff, endpoint.getPlan().eventTypesText());
        connection = created;
        dispatcher.attach(created::applyFlow); // paused before the first read if the route is still behind
        created.start();
    }

    private void closeConnection() throws Exception {
        if (dispatcher != null) {
            dispatcher.close(); // nothing more reaches the route; what waits is discarded and its count given back
        }
        NavixyConnection current = connection;
        if (current != null) {
            long wait = endpoint.getConfiguration().getUnsubscribeTimeout() + STOP_GRACE_MILLIS;
            current.stop().toCompletionStage().toCompletableFuture().get(wait, TimeUnit.MILLISECONDS);
        }
    }

    private HashSource hashSource(NavixyConfiguration c) {
        if (hashSource != null) {
            return hashSource;
        }
        if (c.getApiKey() != null && !c.getApiKey().isBlank()) {
            hashSource = new ApiKeyHashSource(c.getApiKey().trim());
        } else {
            hashSource = new LoginHashSource(vertx, transport.httpOptions(), ServiceUrls.baseUrl(c.getBaseUrl()),
                    c.getLogin(), c.getPassword());
        }
        return hashSource;
    }
}
