package io.github.camelnavixy.rest;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Fills gaps with {@code track/read}, one request at a time and no faster than {@code ratePerSecond}. Windows are
 * read in the order they were asked for, so the windows of one tracker (which never overlap) reach the sink in time
 * order, each with its points in time order.
 *
 * <p>Errors: 15 (too many requests) and no answer at all (network, timeout) back off (1 s doubling, at most 30 s) and
 * try the same window again, up to 10 times; anything else (211 span too big, 201/208 tracker
 * gone or blocked, ...) gives the window up. A given-up window and a clipped one ({@code limit_exceeded}) are
 * reported once per tracker. After {@link #stop()} no request starts and no answer reaches the sink.
 *
 * <p>All state lives on one Vert.x context; the public methods may be called from any thread.
 */
public final class GapFiller {

    /** Where points and problems go; called on the Vert.x context. */
    public interface Sink {
        void deliver(GapWindow window, List<io.github.camelnavixy.model.TrackPoint> points);

        /** Reported at most once per tracker. */
        void problem(GapWindow window, NavixyRestException cause);
    }

    static final int MAX_ATTEMPTS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(GapFiller.class);
    private static final long FIRST_BACKOFF_MILLIS = 1000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final long BUSY_ROUTE_RECHECK_MILLIS = 100;

    private final Vertx vertx;
    private final Context context;
    private final NavixyRestClient client;
    private final long spacingNanos;
    private final boolean isoDateTime;
    private final BooleanSupplier routeHasRoom;
    private final Sink sink;
    private final Deque<GapWindow> queue = new ArrayDeque<>();
    private final Set<Long> reported = new HashSet<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong points = new AtomicLong();
    private final AtomicLong windowsDone = new AtomicLong();
    private final AtomicLong windowsAsked = new AtomicLong();

    private boolean busy;
    private boolean stopped;
    private int attempts;
    private long lastRequestNanos = Long.MIN_VALUE / 2;
    private long timer = -1;

    /**
     * @param routeHasRoom whether the route can take more now; while it cannot, the next request waits, so replayed
     *                     points do not pile up in memory behind a slow route
     */
    public GapFiller(Vertx vertx, NavixyRestClient client, double ratePerSecond, boolean isoDateTime,
            BooleanSupplier routeHasRoom, Sink sink) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.client = client;
        this.spacingNanos = (long) (1_000_000_000L / ratePerSecond);
        this.isoDateTime = isoDateTime;
        this.routeHasRoom = routeHasRoom;
        this.sink = sink;
    }

    /** Queues a window to read. */
    public void fill(GapWindow window) {
        windowsAsked.incrementAndGet();
        context.runOnContext(v -> {
            if (!stopped) {
                queue.add(window);
                next();
            }
        });
    }

    /** Nothing more is requested or delivered; a call in flight is ignored when it ends. */
    public void stop() {
        context.runOnContext(v -> {
            stopped = true;
            queue.clear();
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        });
    }

    /** track/read calls made (retries included). */
    public long requestCount() {
        return requests.get();
    }

    /** Points handed to the sink. */
    public long pointCount() {
        return points.get();
    }

    /** Windows asked for, and windows finished (delivered or given up). */
    public long windowsAsked() {
        return windowsAsked.get();
    }

    public long windowsDone() {
        return windowsDone.get();
    }

    private void next() {
        if (stopped || busy || timer >= 0 || queue.isEmpty()) {
            return;
        }
        long wait = Math.max(0, lastRequestNanos + spacingNanos - System.nanoTime()) / 1_000_000;
        if (wait == 0 && !routeHasRoom.getAsBoolean()) {
            wait = BUSY_ROUTE_RECHECK_MILLIS;
        }
        if (wait > 0) {
            later(wait);
            return;
        }
        GapWindow window = queue.peek();
        busy = true;
        lastRequestNanos = System.nanoTime();
        requests.incrementAndGet();
        client.call("track/read", TrackRead.request(window, isoDateTime))
                .onComplete(result -> context.runOnContext(v -> {
                    busy = false;
                    if (stopped) {
                        return;
                    }
                    if (result.succeeded()) {
                        done(window);
                        TrackRead.Result read = TrackRead.read(result.result(), window);
                        points.addAndGet(read.points().size());
                        if (!read.points().isEmpty()) {
                            sink.deliver(window, read.points());
                        }
                        if (read.limitExceeded()) {
                            report(window, new NavixyRestException("track/read", 0, "track/read clipped the window of tracker "
                                    + window.trackerId() + " (limit_exceeded: older points are past the storage period)", null));
                        }
                    } else {
                        failed(window, result.cause());
                    }
                    next();
                }));
    }

    private void failed(GapWindow window, Throwable cause) {
        NavixyRestException error = cause instanceof NavixyRestException e ? e
                : new NavixyRestException("track/read", 0, "track/read failed: " + cause, cause);
        boolean transientError = error.code() == NavixyRestException.TOO_MANY_REQUESTS || error.code() == 0;
        if (transientError && ++attempts < MAX_ATTEMPTS) {
            long backoff = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(10, attempts - 1));
            LOG.debug("track/read for tracker {} backs off {} ms: {}", window.trackerId(), backoff, error.getMessage());
            lastRequestNanos = System.nanoTime() + backoff * 1_000_000 - spacingNanos;
            return; // the window stays first in the queue
        }
        done(window);
        report(window, error);
    }

    private void done(GapWindow window) {
        queue.remove(window);
        attempts = 0;
        windowsDone.incrementAndGet();
    }

    private void report(GapWindow window, NavixyRestException error) {
        if (reported.add(window.trackerId())) {
            LOG.warn("Navixy gap fill for tracker {}: {}", window.trackerId(), error.getMessage());
            sink.problem(window, error);
        }
    }

    private void later(long millis) {
        timer = vertx.setTimer(Math.max(1, millis), t -> {
            timer = -1;
            next();
        });
    }
}
