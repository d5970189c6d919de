package io.github.camelnavixy.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated fleet: its trackers, which ones are blocked or disallowed, and the published ground truth.
 *
 * <p>Movement happens only on the simulator's event loop ({@link #step}). The blocked/disallowed sets and the truth
 * map are concurrent so that test threads can read and change them at any time without racing the event loop.
 */
final class Fleet {

    /** Tracker ids start here; source ids are tracker id + {@link #SOURCE_ID_OFFSET} so they never coincide. */
    static final long FIRST_TRACKER_ID = 1001;
    static final long SOURCE_ID_OFFSET = 9_000_000;

    private final Map<Long, TrackerSimulation> trackers = new LinkedHashMap<>();
    private final Set<Long> blocked = ConcurrentHashMap.newKeySet();
    private final Set<Long> disallowed = ConcurrentHashMap.newKeySet();
    private final Map<Long, TrackerTruth> truth = new ConcurrentHashMap<>();
    private final Map<Long, Long> sourceIds;

    Fleet(int size, double cityLat, double cityLng, long seed) {
        Random master = new Random(seed);
        Instant now = Instant.now();
        Map<Long, Long> ids = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            long trackerId = FIRST_TRACKER_ID + i;
            long sourceId = trackerId + SOURCE_ID_OFFSET;
            String label = (i % 3 == 0 ? "Van " : i % 3 == 1 ? "Truck " : "Car ") + (i + 1);
            trackers.put(trackerId, new TrackerSimulation(trackerId, sourceId, label, cityLat, cityLng,
                    new Random(master.nextLong()), now));
            ids.put(trackerId, sourceId);
        }
        this.sourceIds = Collections.unmodifiableMap(ids);
        publishTruth();
    }

    /** Moves every tracker; returns the ids of those that reported, in fleet order. Event loop only. */
    Set<Long> step(double simSeconds) {
        Instant now = Instant.now();
        Set<Long> changed = new LinkedHashSet<>();
        for (TrackerSimulation t : trackers.values()) {
            if (t.step(simSeconds, now)) {
                changed.add(t.trackerId);
            }
        }
        publishTruth();
        return changed;
    }

    private void publishTruth() {
        for (TrackerSimulation t : trackers.values()) {
            if (t.corrupted()) {
                truth.remove(t.trackerId);
            } else {
                truth.put(t.trackerId, t.truth(blocked.contains(t.trackerId)));
            }
        }
    }

    /** Live (non-corrupted) tracker, or null. Event loop only. */
    TrackerSimulation tracker(long trackerId) {
        TrackerSimulation t = trackers.get(trackerId);
        return t == null || t.corrupted() ? null : t;
    }

    /** Ids of all live trackers, in fleet order. */
    List<Long> liveIds() {
        List<Long> ids = new ArrayList<>();
        for (TrackerSimulation t : trackers.values()) {
            if (!t.corrupted()) {
                ids.add(t.trackerId);
            }
        }
        return ids;
    }

    /** The Navixy per-tracker subscription status: normal, blocked, unknown or disallowed. */
    String status(long trackerId) {
        if (tracker(trackerId) == null) {
            return "unknown";
        }
        if (disallowed.contains(trackerId)) {
            return "disallowed";
        }
        return blocked.contains(trackerId) ? "blocked" : "normal";
    }

    boolean deliverable(long trackerId) {
        return "normal".equals(status(trackerId));
    }

    void corrupt(long trackerId) {
        TrackerSimulation t = trackers.get(trackerId);
        if (t != null) {
            t.corrupt();
            blocked.remove(trackerId);
            truth.remove(trackerId);
        }
    }

    Set<Long> blocked() {
        return blocked;
    }

    Set<Long> disallowed() {
        return disallowed;
    }

    /** Tracker id → source id, fixed at creation (includes trackers corrupted since). */
    Map<Long, Long> sourceIds() {
        return sourceIds;
    }

    Map<Long, TrackerTruth> truthSnapshot() {
        Map<Long, TrackerTruth> copy = new java.util.TreeMap<>();
        for (Map.Entry<Long, TrackerTruth> e : truth.entrySet()) {
            TrackerTruth t = e.getValue();
            boolean isBlocked = blocked.contains(e.getKey());
            copy.put(e.getKey(), t.blocked() == isBlocked ? t
                    : new TrackerTruth(t.trackerId(), t.sourceId(), t.label(), t.lat(), t.lng(), t.speed(),
                            t.heading(), t.movementStatus(), t.ignition(), t.odometerKm(), t.lastUpdate(), isBlocked));
        }
        return Collections.unmodifiableMap(copy);
    }
}
