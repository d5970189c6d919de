package io.github.camelnavixy.consumer;

import io.github.camelnavixy.NavixyConstants;
import io.github.camelnavixy.model.TrackPoint;
import io.github.camelnavixy.model.TrackerState;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * A route's view of the feed, for gap-fill and directory tests: every Exchange in the order the route saw it, with
 * its tracker id, GPS time, replay flag and the connection it arrived on ({@code epoch}: the simulator's count of
 * accepted connections when the route ran, so states from before and after a cut can be told apart).
 */
final class FeedRecorder implements Processor {

    record Seen(String type, Long trackerId, Long sourceId, String label, Instant gpsTime, double lat, double lng,
            boolean replay, long epoch, Object body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final LongSupplier epoch;

    FeedRecorder(LongSupplier epoch) {
        this.epoch = epoch;
    }

    @Override
    public void process(Exchange exchange) {
        var m = exchange.getMessage();
        Object body = m.getBody();
        Instant time = null;
        double lat = Double.NaN;
        double lng = Double.NaN;
        if (body instanceof TrackerState s && s.gps() != null) {
            time = s.gps().updated() == null ? null : s.gps().updated().toInstant();
            if (s.gps().location() != null) {
                lat = s.gps().location().lat();
                lng = s.gps().location().lng();
            }
        } else if (body instanceof TrackPoint p) {
            time = p.getTime().toInstant();
            lat = p.lat();
            lng = p.lng();
        }
        seen.add(new Seen(m.getHeader(NavixyConstants.EVENT_TYPE, String.class),
                m.getHeader(NavixyConstants.TRACKER_ID, Long.class), m.getHeader(NavixyConstants.SOURCE_ID, Long.class),
                m.getHeader(NavixyConstants.TRACKER_LABEL, String.class), time, lat, lng,
                Boolean.TRUE.equals(m.getHeader(NavixyConstants.REPLAY, Boolean.class)), epoch.getAsLong(), body));
    }

    List<Seen> all() {
        return new ArrayList<>(seen);
    }

    List<Seen> states() {
        return seen.stream().filter(s -> "state_batch".equals(s.type()) || "state".equals(s.type())).toList();
    }

    List<Seen> trackPoints() {
        return seen.stream().filter(s -> "track_point".equals(s.type())).toList();
    }

    /** Per tracker id: the latest live GPS time of connection {@code epoch}. */
    Map<Long, Instant> lastLiveTime(long epoch) {
        Map<Long, Instant> result = new TreeMap<>();
        for (Seen s : states()) {
            if (s.epoch() == epoch && s.trackerId() != null && s.gpsTime() != null) {
                result.merge(s.trackerId(), s.gpsTime(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return result;
    }

    /** Per tracker id: the first live GPS time of connection {@code epoch} (its snapshot). */
    Map<Long, Instant> firstLiveTime(long epoch) {
        Map<Long, Instant> result = new TreeMap<>();
        for (Seen s : states()) {
            if (s.epoch() == epoch && s.trackerId() != null && s.gpsTime() != null) {
                result.putIfAbsent(s.trackerId(), s.gpsTime());
            }
        }
        return result;
    }

    /** GPS times of the replayed points of one tracker, in the order the route saw them. */
    List<Instant> replayedTimes(long trackerId) {
        return trackPoints().stream().filter(s -> s.trackerId() == trackerId).map(Seen::gpsTime).toList();
    }
}
