package io.github.camelnavixy;

import io.github.camelnavixy.model.IotLastValues;
import io.github.camelnavixy.model.LifecycleChange;
import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.model.TrackPoint;
import io.github.camelnavixy.model.TrackerInfo;
import io.github.camelnavixy.model.TrackerReadings;
import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.protocol.SubscriptionResponse;
import io.github.camelnavixy.rest.GapFiller;
import io.github.camelnavixy.rest.GapTracker;
import io.github.camelnavixy.rest.GapWindow;
import io.github.camelnavixy.rest.NavixyRestClient;
import io.github.camelnavixy.rest.NavixyRestException;
import io.github.camelnavixy.rest.NavixyTrackerDirectory;
import io.github.camelnavixy.rest.TrackerDirectoryRefresher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The REST-backed add-ons of one consumer: the tracker directory (tracker ids, labels and groups on Exchanges, and
 * the {@link NavixyTrackerDirectory} bean in the registry) and, with {@code gapFill}, the replay of what an outage
 * hid. It watches the feed through {@link FeedHooks}; replayed points go through the consumer's own ordered hand-off,
 * so they run on the worker thread with the same backpressure as the live feed.
 */
final class TrackerFeatures implements FeedHooks {

    /** Unknown ids in the feed cause a refresh at most this often. */
    static final long UNKNOWN_ID_REFRESH_MILLIS = 5000;

    private final CamelContext camelContext;
    private final String beanName;
    private final NavixyRestClient client;
    private final NavixyTrackerDirectory directory = new NavixyTrackerDirectory();
    private final TrackerDirectoryRefresher refresher;
    private final RouteHandOff handOff;
    private final GapTracker gaps;
    private final GapFiller filler;
    private volatile boolean running = true;

    TrackerFeatures(CamelContext camelContext, NavixyConfiguration c, Vertx vertx, NavixyRestClient client, RouteHandOff handOff) {
        this.camelContext = camelContext;
        this.beanName = c.getTrackerDirectoryBean().trim();
        this.client = client;
        this.handOff = handOff;
        this.refresher = new TrackerDirectoryRefresher(vertx, client, directory, c.getTrackerDirectoryRefresh(),
                Math.min(UNKNOWN_ID_REFRESH_MILLIS, c.getTrackerDirectoryRefresh()), new TrackerDirectoryRefresher.Listener() {
                    @Override
                    public void onLoadFailed(NavixyRestException cause) {
                        handOff.report("Navixy tracker directory not loaded (events go on without tracker ids and labels;"
                                + " retrying): " + cause.getMessage(), cause);
                    }
                });
        if (c.isGapFill()) {
            this.gaps = new GapTracker(Duration.ofMillis(c.getGapFillMaxAge()));
            this.filler = new GapFiller(vertx, client, c.getGapFillRate(), c.isIsoDateTime(), handOff::hasRoom, new GapFiller.Sink() {
                @Override
                public void deliver(GapWindow window, List<TrackPoint> points) {
                    replay(window, points);
                }

                @Override
                public void problem(GapWindow window, NavixyRestException cause) {
                    handOff.report("Navixy gap fill for tracker " + window.trackerId() + ": " + cause.getMessage(), cause);
                }
            });
        } else {
            this.gaps = null;
            this.filler = null;
        }
    }

    /** Binds the directory and makes the first load; the future completes once that attempt is over, loaded or not. */
    Future<Void> start() {
        camelContext.getRegistry().bind(beanName, NavixyTrackerDirectory.class, directory);
        return refresher.start();
    }

    /** Ends every timer and call; nothing is delivered afterwards. */
    void stop() {
        running = false;
        refresher.stop();
        if (filler != null) {
            filler.stop();
        }
        client.close();
        if (camelContext.getRegistry().lookupByName(beanName) == directory) {
            camelContext.getRegistry().unbind(beanName);
        }
    }

    NavixyTrackerDirectory directory() {
        return directory;
    }

    long restCalls() {
        return client.callCount();
    }

    long directoryLoads() {
        return refresher.loadCount();
    }

    long gapFillRequests() {
        return filler == null ? 0 : filler.requestCount();
    }

    long gapFillPoints() {
        return filler == null ? 0 : filler.pointCount();
    }

    /** Gap windows found and not yet read (or given up). */
    long gapFillBacklog() {
        return filler == null ? 0 : filler.windowsAsked() - filler.windowsDone();
    }

    // --- watching the feed --------------------------------------------------------------------------------------------

    @Override
    public void onEvent(NavixyEvent event) {
        // A tracker was blocked, unblocked or removed: its directory entry (source.blocked, presence) has changed.
        for (Object item : event.items()) {
            if (item instanceof LifecycleChange) {
                refresher.refreshSoon();
                return;
            }
        }
    }

    @Override
    public void onSubscribed(SubscriptionResponse response) {
        if (!directory.isLoaded()) {
            return; // the retry of a failed load is already scheduled
        }
        boolean unknown = response.results().values().stream()
                .anyMatch(result -> result.statuses().keySet().stream().anyMatch(id -> !directory.knowsTracker(id)));
        if (unknown) {
            refresher.refreshSoon();
        }
    }

    @Override
    public boolean wantsSubscribedInOrder() {
        return gaps != null;
    }

    @Override
    public void onSubscribedInOrder() {
        gaps.subscribed();
    }

    @Override
    public void decorate(Message message) {
        Object body = message.getBody();
        if (body instanceof TrackerState state) {
            TrackerInfo tracker = bySource(message, state.sourceId());
            observe(tracker, state);
        } else if (body instanceof LifecycleChange change) {
            bySource(message, change.sourceId());
        } else if (body instanceof TrackerReadings readings) {
            byTracker(message, readings.trackerId());
        } else if (body instanceof IotLastValues values) {
            byTracker(message, values.trackerId());
        } else if (body instanceof List<?> items && gaps != null) {
            // splitBatch=false: no per-item headers, but the states still count as seen for gap finding
            for (Object item : items) {
                if (item instanceof TrackerState state) {
                    observe(directory.trackerOfSource(state.sourceId()), state);
                }
            }
        }
    }

    private TrackerInfo bySource(Message message, Long sourceId) {
        TrackerInfo tracker = directory.trackerOfSource(sourceId);
        if (tracker == null) {
            refresher.sourceSeen(sourceId);
            return null;
        }
        message.setHeader(NavixyConstants.TRACKER_ID, tracker.id());
        setLabelAndGroup(message, tracker);
        return tracker;
    }

    private void byTracker(Message message, Long trackerId) {
        TrackerInfo tracker = directory.tracker(trackerId);
        if (tracker == null) {
            refresher.trackerSeen(trackerId);
            return;
        }
        if (tracker.sourceId() != null) {
            message.setHeader(NavixyConstants.SOURCE_ID, tracker.sourceId());
        }
        setLabelAndGroup(message, tracker);
    }

    private static void setLabelAndGroup(Message message, TrackerInfo tracker) {
        if (tracker.label() != null) {
            message.setHeader(NavixyConstants.TRACKER_LABEL, tracker.label());
        }
        if (tracker.groupId() != null) {
            message.setHeader(NavixyConstants.GROUP_ID, tracker.groupId());
        }
    }

    private void observe(TrackerInfo tracker, TrackerState state) {
        if (gaps == null || state.gps() == null) {
            return;
        }
        gaps.observe(tracker == null ? null : tracker.id(), state.sourceId(), state.gps().updated())
                .ifPresent(filler::fill);
    }

    // --- replay -------------------------------------------------------------------------------------------------------

    private void replay(GapWindow window, List<TrackPoint> points) {
        if (!running) {
            return;
        }
        TrackerInfo tracker = directory.tracker(window.trackerId());
        List<EventDeliveries.MessageFiller> fillers = new ArrayList<>(points.size());
        for (TrackPoint point : points) {
            fillers.add(message -> {
                message.setBody(point);
                message.setHeader(NavixyConstants.EVENT_TYPE, TrackPoint.EVENT_TYPE);
                message.setHeader(NavixyConstants.TRACKER_ID, window.trackerId());
                message.setHeader(NavixyConstants.SOURCE_ID, window.sourceId());
                message.setHeader(NavixyConstants.REPLAY, Boolean.TRUE);
                if (tracker != null) {
                    setLabelAndGroup(message, tracker);
                }
            });
        }
        handOff.deliverOther(fillers, () -> running);
    }
}
