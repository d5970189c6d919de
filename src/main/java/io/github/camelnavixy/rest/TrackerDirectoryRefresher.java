package io.github.camelnavixy.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelnavixy.model.NavixyJson;
import io.github.camelnavixy.model.TrackerInfo;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a {@link NavixyTrackerDirectory} fresh with {@code tracker/list}: once at start, then every {@code period},
 * and soon after anything that says it is stale (a lifecycle event, an id it does not know). Refreshes never overlap:
 * one asked for while another runs is made right after it. A failed load keeps the previous view, is reported once
 * per run of failures, and is retried after 1 s, doubling up to the period.
 *
 * <p>All its state lives on one Vert.x context; the public methods may be called from any thread.
 */
public final class TrackerDirectoryRefresher {

    /** What the owner hears about loads; called on the Vert.x context. */
    public interface Listener {
        /** The first failure after a success (or at start); later failures of the same run are not reported. */
        void onLoadFailed(NavixyRestException cause);

        /** A load succeeded. */
        default void onLoaded(int trackers) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(TrackerDirectoryRefresher.class);
    private static final long FIRST_RETRY_MILLIS = 1000;
    private static final ObjectReader READER = NavixyJson.readerFor(TrackerInfo.class, null);

    private final Vertx vertx;
    private final Context context;
    private final NavixyRestClient client;
    private final NavixyTrackerDirectory directory;
    private final long periodMillis;
    private final long unknownIdIntervalMillis;
    private final Listener listener;
    private final AtomicLong lastUnknownRefresh = new AtomicLong(Long.MIN_VALUE / 2);
    private final AtomicLong loads = new AtomicLong();

    private boolean inFlight;
    private boolean again;
    private boolean stopped;
    private int failures;
    private long periodicTimer = -1;
    private long retryTimer = -1;

    /**
     * @param unknownIdIntervalMillis the shortest time between two refreshes caused by unknown ids, so a stream of
     *                                ids that tracker/list does not list cannot turn into a stream of calls
     */
    public TrackerDirectoryRefresher(Vertx vertx, NavixyRestClient client, NavixyTrackerDirectory directory,
            long periodMillis, long unknownIdIntervalMillis, Listener listener) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.client = client;
        this.directory = directory;
        this.periodMillis = periodMillis;
        this.unknownIdIntervalMillis = unknownIdIntervalMillis;
        this.listener = listener;
    }

    public NavixyTrackerDirectory directory() {
        return directory;
    }

    /** tracker/list calls made. */
    public long loadCount() {
        return loads.get();
    }

    /**
     * Loads the directory and starts the periodic refresh. The future completes (never fails) once the first attempt
     * is over, loaded or not: the feed must not wait for more than one try.
     */
    public Future<Void> start() {
        Promise<Void> first = Promise.promise();
        context.runOnContext(v -> {
            if (stopped) {
                first.complete();
                return;
            }
            periodicTimer = vertx.setPeriodic(Math.max(1, periodMillis), t -> load(null));
            load(first);
        });
        return first.future();
    }

    /** Refresh as soon as possible (after the one running, if any). */
    public void refreshSoon() {
        context.runOnContext(v -> load(null));
    }

    /** A source id the view does not know was seen: refresh, at most once per the unknown-id interval. */
    public void sourceSeen(Long sourceId) {
        if (sourceId != null && !directory.knowsSource(sourceId)) {
            unknownSeen();
        }
    }

    /** A tracker id the view does not know was seen: refresh, at most once per the unknown-id interval. */
    public void trackerSeen(Long trackerId) {
        if (trackerId != null && !directory.knowsTracker(trackerId)) {
            unknownSeen();
        }
    }

    private void unknownSeen() {
        long now = System.nanoTime() / 1_000_000;
        long last = lastUnknownRefresh.get();
        if (now - last >= unknownIdIntervalMillis && lastUnknownRefresh.compareAndSet(last, now)) {
            refreshSoon();
        }
    }

    /** Cancels every timer; a load in flight is ignored when it ends. */
    public void stop() {
        context.runOnContext(v -> {
            stopped = true;
            cancel(periodicTimer);
            cancel(retryTimer);
            periodicTimer = -1;
            retryTimer = -1;
        });
    }

    private void cancel(long timer) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void load(Promise<Void> done) {
        if (stopped) {
            complete(done);
            return;
        }
        if (inFlight) {
            again = true;
            complete(done);
            return;
        }
        inFlight = true;
        loads.incrementAndGet();
        client.call("tracker/list", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode())
                .onComplete(result -> context.runOnContext(v -> {
                    inFlight = false;
                    if (!stopped) {
                        if (result.succeeded()) {
                            loaded(result.result());
                        } else {
                            failed(result.cause());
                        }
                    }
                    complete(done);
                    if (again && !stopped) {
                        again = false;
                        load(null);
                    }
                }));
    }

    private void loaded(JsonNode answer) {
        List<TrackerInfo> trackers = new ArrayList<>();
        for (JsonNode item : answer.path("list")) {
            try {
                trackers.add(READER.readValue(item));
            } catch (Exception e) {
                LOG.debug("tracker/list item skipped: {}", e.toString()); // one odd item must not lose the others
            }
        }
        directory.replace(trackers, Instant.now());
        if (failures > 0) {
            LOG.info("Navixy tracker directory loaded again ({} trackers) after {} failed attempts", trackers.size(), failures);
        }
        failures = 0;
        cancel(retryTimer);
        retryTimer = -1;
        listener.onLoaded(trackers.size());
    }

    private void failed(Throwable cause) {
        NavixyRestException error = cause instanceof NavixyRestException e ? e
                : new NavixyRestException("tracker/list", 0, "tracker/list failed: " + cause, cause);
        failures++;
        if (failures == 1) {
            LOG.warn("Navixy tracker directory not loaded, events go on without tracker ids and labels; retrying: {}",
                    error.getMessage());
            listener.onLoadFailed(error);
        } else {
            LOG.debug("Navixy tracker directory load failed again ({}): {}", failures, error.getMessage());
        }
        long delay = Math.min(Math.max(1, periodMillis), FIRST_RETRY_MILLIS << Math.min(20, failures - 1));
        cancel(retryTimer);
        retryTimer = vertx.setTimer(delay, t -> {
            retryTimer = -1;
            load(null);
        });
    }

    private static void complete(Promise<Void> done) {
        if (done != null) {
            done.tryComplete();
        }
    }
}
