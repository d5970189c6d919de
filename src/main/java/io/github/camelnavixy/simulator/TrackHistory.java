package io.github.camelnavixy.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The recorded track of one simulated tracker, oldest first, at most one point per GPS second and at most
 * {@value #MAX_POINTS} points (older ones are forgotten, which {@code track/read} reports as {@code limit_exceeded}).
 * Written on the event loop, read by tests from any thread, hence synchronized.
 */
final class TrackHistory {

    static final int MAX_POINTS = 20_000;

    private final Deque<TrackPointTruth> points = new ArrayDeque<>();
    private Instant forgottenUpTo;

    synchronized void add(TrackPointTruth point) {
        TrackPointTruth last = points.peekLast();
        if (last != null && !point.gpsTime().isAfter(last.gpsTime())) {
            return; // same second: the first report of a second stands for it
        }
        points.addLast(point);
        if (points.size() > MAX_POINTS) {
            forgottenUpTo = points.removeFirst().gpsTime();
        }
    }

    /** Points with {@code from < time < to}. */
    synchronized List<TrackPointTruth> between(Instant from, Instant to) {
        List<TrackPointTruth> result = new ArrayList<>();
        for (TrackPointTruth p : points) {
            if (p.gpsTime().isAfter(from) && p.gpsTime().isBefore(to)) {
                result.add(p);
            }
        }
        return result;
    }

    /** Whether points at or after {@code from} may have been forgotten. */
    synchronized boolean forgotten(Instant from) {
        return forgottenUpTo != null && !from.isAfter(forgottenUpTo);
    }

    synchronized List<TrackPointTruth> all() {
        return List.copyOf(points);
    }
}
