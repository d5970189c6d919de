package io.github.camelnavixy;

import io.github.camelnavixy.client.ApiKeyHashSource;
import io.github.camelnavixy.client.BackoffPolicy;
import io.github.camelnavixy.client.ConnectionListener;
import io.github.camelnavixy.client.ConnectionSettings;
import io.github.camelnavixy.client.ConnectionSnapshot;
import io.github.camelnavixy.client.ConnectionState;
import io.github.camelnavixy.client.HashSource;
import io.github.camelnavixy.client.LoginHashSource;
import io.github.camelnavixy.client.NavixyConnection;
import io.github.camelnavixy.client.NavixyConnectionException;
import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.protocol.ErrorResponse;
import io.github.camelnavixy.protocol.SubscriptionResponse;
import io.github.camelnavixy.protocol.MalformedFrameException;
import io.github.camelnavixy.protocol.TrackerStatus;
import io.vertx.core.Vertx;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Camel face of a {@link NavixyConnection}: turns its events into Exchanges and its failures into Camel
 * exception handling.
 *
 * <p>The connection calls back on a Vert.x event loop, which must never run a route. Every callback is handed, in
 * order, to one worker thread; the number of items waiting there is bounded by pausing the socket, so a slow route
 * slows reading instead of growing memory.
 */
@ManagedResource(description = "Navixy WebSocket consumer")
public class NavixyConsumer extends DefaultConsumer implements Suspendable, ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(NavixyConsumer.class);
    /** A stop waits this much longer than the unsubscribe wait for the socket to close. */
    private static final long STOP_GRACE_MILLIS = 5000;
    /** Navixy sends the Atmosphere handshake at once; a server that sends none gets the subscribe after this wait. */
    private static final long HANDSHAKE_WAIT_MILLIS = 1000;

    private final NavixyEndpoint endpoint;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean pausedForBackpressure = new AtomicBoolean();
    private final AtomicLong exchanges = new AtomicLong();
    private volatile boolean accepting;
    private volatile NavixyConnection connection;
    private ExecutorService worker;
    private Vertx vertx;
    private VertxTransportOptions transport;

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
        return exchanges.get();
    }

    /** Whether reading from the socket is paused because the route is behind. */
    @ManagedAttribute(description = "Whether reading is paused because the route is behind (backpressure)")
    public boolean isReadingPaused() {
        return pausedForBackpressure.get();
    }

    /** Items received and not yet processed by the route. */
    @ManagedAttribute(description = "Items received and waiting for the route")
    public int getPendingExchanges() {
        return pending.get();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        transport = VertxTransportOptions.of(endpoint.getConfiguration(), endpoint.getCamelContext());
        CleartextWarning.logIfUnencrypted(endpoint);
        worker = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "NavixyConsumer[" + endpoint.getPlan().eventTypesText() + "]");
        vertx = endpoint.getComponent().acquireVertx();
        NavixyConsumerHealthCheck check = new NavixyConsumerHealthCheck(this, getRouteId());
        check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
        setHealthCheck(check);
        openConnection();
    }

    @Override
    protected void doStop() throws Exception {
        try {
            closeConnection();
        } finally {
            // Even when the server did not let go in time, nothing of this consumer may keep running.
            if (worker != null) {
                endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(worker);
                worker = null;
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
        closeConnection();
    }

    @Override
    protected void doResume() throws Exception {
        openConnection();
    }

    private void openConnection() {
        NavixyConfiguration c = endpoint.getConfiguration();
        // pending is not reset: work queued before a suspend still counts it down when it runs.
        pausedForBackpressure.set(false);
        accepting = true;
        ConnectionSettings settings = new ConnectionSettings(
                endpoint.getResolvedWebSocketUrl(),
                new BackoffPolicy(c.getReconnectDelay(), c.getReconnectMaxDelay(), c.getReconnectMaxAttempts()),
                c.getPingInterval(), c.getIdleTimeout(), c.getMaxMessageSize(),
                HANDSHAKE_WAIT_MILLIS,
                c.getUnsubscribeTimeout(), endpoint.getZone());
        NavixyConnection created = new NavixyConnection(vertx, transport.webSocketOptions(), settings, endpoint.getPlan(), hashSource(c),
                this, endpoint.getPlan().eventTypesText());
        connection = created;
        if (pending.get() >= c.getMaxPendingExchanges() && pausedForBackpressure.compareAndSet(false, true)) {
            created.pause(); // still behind from before a suspend: start reading only once the route catches up
        }
        created.start();
    }

    private void closeConnection() throws Exception {
        accepting = false;
        NavixyConnection current = connection;
        if (current != null) {
            long wait = endpoint.getConfiguration().getUnsubscribeTimeout() + STOP_GRACE_MILLIS;
            current.stop().toCompletionStage().toCompletableFuture().get(wait, TimeUnit.MILLISECONDS);
        }
    }

    private HashSource hashSource(NavixyConfiguration c) {
        if (c.getApiKey() != null && !c.getApiKey().isBlank()) {
            return new ApiKeyHashSource(c.getApiKey().trim());
        }
        return new LoginHashSource(vertx, transport.httpOptions(), ServiceUrls.baseUrl(c.getBaseUrl()), c.getLogin(), c.getPassword());
    }

    // ---- ConnectionListener: called on the event loop, so each call only queues work --------------------------------

    @Override
    public void onEvent(NavixyEvent event) {
        boolean split = endpoint.getConfiguration().isSplitBatch();
        int count = EventDeliveries.count(event, split);
        if (pending.addAndGet(count) >= endpoint.getConfiguration().getMaxPendingExchanges()
                && pausedForBackpressure.compareAndSet(false, true)) {
            connection.pause();
        }
        submit(() -> deliver(event, split, count));
    }

    @Override
    public void onSubscribed(SubscriptionResponse response) {
        response.results().forEach((type, result) -> {
            if (!result.success()) {
                LOG.warn("Navixy subscription to {} was not accepted by the server", type);
            }
            Map<TrackerStatus, List<Long>> notNormal = new EnumMap<>(TrackerStatus.class);
            result.statuses().forEach((id, status) -> {
                if (status != TrackerStatus.NORMAL) {
                    notNormal.computeIfAbsent(status, s -> new ArrayList<>()).add(id);
                }
            });
            notNormal.forEach((status, ids) -> LOG.warn("Navixy {} subscription: trackers {} are {}", type, ids,
                    status.name().toLowerCase(Locale.ROOT)));
        });
    }

    @Override
    public void onServerError(ErrorResponse error) {
        NavixyErrorResponseException exception
                = new NavixyErrorResponseException(error.code(), error.description(), error.action());
        submit(() -> getExceptionHandler().handleException(exception.getMessage(), exception));
    }

    @Override
    public void onMalformedFrame(MalformedFrameException error) {
        submit(() -> getExceptionHandler().handleException("Malformed Navixy frame", error));
    }

    @Override
    public void onGaveUp(NavixyConnectionException cause) {
        // The connection has logged the one line that says so; here it becomes a Camel error.
        submit(() -> getExceptionHandler().handleException(cause.getMessage(), cause));
    }

    // ---- the worker thread ----------------------------------------------------------------------------------------------

    private void submit(Runnable task) {
        ExecutorService current = worker;
        if (current == null || current.isShutdown()) {
            return;
        }
        try {
            current.execute(task);
        } catch (RejectedExecutionException e) {
            // Stopping: nothing more reaches the route.
        }
    }

    private void deliver(NavixyEvent event, boolean split, int count) {
        try {
            if (!accepting) {
                return;
            }
            EventDeliveries.forEach(event, split, filler -> {
                if (accepting) {
                    process(filler);
                }
            });
        } catch (Exception e) {
            getExceptionHandler().handleException("Error delivering Navixy " + event.name() + " event", e);
        } finally {
            release(count);
        }
    }

    private void process(EventDeliveries.MessageFiller filler) {
        Exchange exchange = createExchange(false);
        try {
            filler.fill(exchange.getMessage());
            exchanges.incrementAndGet();
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing Navixy exchange", exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
        }
    }

    private void release(int count) {
        int left = pending.addAndGet(-count);
        if (left <= endpoint.getConfiguration().getMaxPendingExchanges() / 2
                && pausedForBackpressure.compareAndSet(true, false)) {
            NavixyConnection current = connection;
            if (current != null) {
                current.resume();
            }
        }
    }
}
