package io.github.camelnavixy.examples.livefeed.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnavixy.NavixyConstants;
import io.github.camelnavixy.examples.livefeed.LiveFeedRoutes.FleetWatch;
import io.github.camelnavixy.model.Gps;
import io.github.camelnavixy.model.LifecycleChange;
import io.github.camelnavixy.model.TrackerState;
import org.apache.camel.Exchange;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the fleet page shows: the last state of every tracker, the recent speeding alerts and the consumer's
 * connection. Each change is kept (for browsers that connect later) and published on the {@link FleetEventStream}.
 *
 * <p>Events, with one JSON object each as data: {@code tracker} ({@link TrackerView}), {@code speeding}
 * ({@link SpeedingAlert} plus a sequence number {@code seq}, so a browser can skip an alert it already has),
 * {@code connection} ({@link ConnectionView}).
 */
public final class FleetView {

    /** Over this a report is speeding, as in {@code LiveFeedRoutes}. */
    public static final int SPEED_LIMIT_KMH = 80;
    /** The page lists this many recent alerts. */
    static final int ALERTS_KEPT = 30;

    private final ObjectMapper json = new ObjectMapper();
    private final FleetWatch watch = new FleetWatch();
    private final Map<Long, TrackerView> trackers = new TreeMap<>();
    private final Deque<String> alerts = new ArrayDeque<>();
    private final FleetEventStream stream = new FleetEventStream(this::greeting);
    private long alertSeq;
    private String connection = frame("connection", ConnectionView.none());

    public FleetEventStream stream() {
        return stream;
    }

    /** A Navixy Exchange: tracker states and lifecycle changes change the page; other events are not shown. */
    public void onEvent(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        String type = exchange.getMessage().getHeader(NavixyConstants.EVENT_TYPE, String.class);
        if (body instanceof TrackerState state && state.sourceId() != null) {
            onState(state);
        } else if ("lifecycle".equals(type) && body instanceof LifecycleChange change && change.sourceId() != null) {
            onLifecycle(change);
        }
    }

    void onState(TrackerState state) {
        List<String> frames = new ArrayList<>(2);
        synchronized (this) {
            TrackerView before = trackers.get(state.sourceId());
            TrackerView now = view(state, before == null ? null : before.lifecycle());
            trackers.put(now.sourceId(), now);
            frames.add(frame("tracker", now));
            Integer speed = now.speed();
            if (speed != null && speed > SPEED_LIMIT_KMH) {
                // the console's rule: one alert when a spell over the limit starts
                if (watch.startedSpeeding(state)) {
                    frames.add(keepAlert(new SpeedingAlert(now.sourceId(), speed, now.lat(), now.lng(),
                            now.updated() != null ? now.updated() : Instant.now().toString())));
                }
            } else {
                watch.movementChanged(state); // ends a spell
            }
        }
        frames.forEach(stream::publish);
    }

    /** Called holding the monitor. */
    private String keepAlert(SpeedingAlert alert) {
        String frame = frame("speeding", new NumberedAlert(++alertSeq, alert));
        alerts.addFirst(frame);
        if (alerts.size() > ALERTS_KEPT) {
            alerts.removeLast();
        }
        return frame;
    }

    void onLifecycle(LifecycleChange change) {
        String frame;
        synchronized (this) {
            TrackerView before = trackers.getOrDefault(change.sourceId(), TrackerView.unknown(change.sourceId()));
            // unblock (or anything new) ends what was shown
            String shown = "block".equals(change.lifecycleEvent()) || "corrupt".equals(change.lifecycleEvent())
                    ? change.lifecycleEvent() : null;
            TrackerView now = before.withLifecycle(shown);
            trackers.put(now.sourceId(), now);
            frame = frame("tracker", now);
        }
        stream.publish(frame);
    }

    /** The consumer's connection now; published every time (once a second), which also keeps the streams alive. */
    public void onConnection(ConnectionView view) {
        String frame = frame("connection", view);
        synchronized (this) {
            connection = frame;
        }
        stream.publish(frame);
    }

    /** What a new stream starts with: the connection, every tracker, the alerts oldest first. */
    private synchronized List<String> greeting() {
        List<String> frames = new ArrayList<>(trackers.size() + alerts.size() + 1);
        frames.add(connection);
        trackers.values().forEach(tracker -> frames.add(frame("tracker", tracker)));
        alerts.descendingIterator().forEachRemaining(frames::add);
        return frames;
    }

    /** A state keeps the lifecycle shown so far: a blocked tracker that still reports stays marked blocked. */
    private static TrackerView view(TrackerState state, String lifecycle) {
        Gps gps = state.gps();
        Double lat = gps == null || gps.location() == null ? null : gps.location().lat();
        Double lng = gps == null || gps.location() == null ? null : gps.location().lng();
        return new TrackerView(state.sourceId(), lat, lng, gps == null ? null : gps.heading(),
                gps == null ? null : gps.speed(), state.movementStatus(), state.connectionStatus(), lifecycle,
                gps == null || gps.updated() == null ? null : gps.updated().toString());
    }

    private String frame(String event, Object data) {
        try {
            return FleetEventStream.frame(event, json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event + " as JSON", e);
        }
    }

    /** A speeding alert with its sequence number. */
    record NumberedAlert(long seq, SpeedingAlert alert) {
    }
}
