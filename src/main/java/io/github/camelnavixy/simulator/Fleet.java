package io.github.camelnavixy.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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

    private final Map<Long, TrackerSimulation> trackers = new java.util.concurrent.ConcurrentSkipListMap<>(); // id = creation order
    private final Set<Long> blocked = ConcurrentHashMap.newKeySet();
    private final Set<Long> disallowed = ConcurrentHashMap.newKeySet();
    private final Map<Long, TrackerTruth> truth = new ConcurrentHashMap<>();
    private final Map<Long, Long> sourceIds = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** REST-only extras: group ids by tracker id, and clones (see {@link #addClone}). */
    private final Map<Long, Long> groupIds = new ConcurrentHashMap<>();
    private final Map<Long, Clone> clones = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final double cityLat;
    private final double cityLng;
    private final Random master;

    /** A second tracker on an original's source, as a dealer makes for another user; lives in tracker/list only. */
    record Clone(long trackerId, long originalId, String label) {
    }

    /** Clone tracker ids start here (originals: {@link #FIRST_TRACKER_ID}). */
    static final long FIRST_CLONE_ID = 8001;

    Fleet(int size, double cityLat, double cityLng, long seed) {
        this.master = new Random(seed);
        this.cityLat = cityLat;
        this.cityLng = cityLng;
        Instant now = Instant.now();
        for (int i = 0; i < size; i++) {
            create(FIRST_TRACKER_ID + i, null, now);
        }
        publishTruth();
    }

    /** Vans have no group (0), trucks are in group 201, cars in 202. */
    private long create(long trackerId, String label, Instant now) {
        int i = (int) (trackerId - FIRST_TRACKER_ID);
        long sourceId = trackerId + SOURCE_ID_OFFSET;
        String name = label != null ? label : (i % 3 == 0 ? "Van " : i % 3 == 1 ? "Truck " : "Car ") + (i + 1);
        trackers.put(trackerId, new TrackerSimulation(trackerId, sourceId, name, cityLat, cityLng,
                new Random(master.nextLong()), now));
        groupIds.put(trackerId, i % 3 == 0 ? 0L : i % 3 == 1 ? 201L : 202L);
        sourceIds.put(trackerId, sourceId);
        return trackerId;
    }

    /** A new tracker joins the fleet (the next free id); event loop only. */
    long add(String label) {
        long id = trackers.isEmpty() ? FIRST_TRACKER_ID : java.util.Collections.max(trackers.keySet()) + 1;
        create(id, label, Instant.now());
        publishTruth();
        return id;
    }

    /** A clone of {@code originalId}: its own tracker id and label, {@code clone: true}, the original's source. */
    long addClone(long originalId, String label) {
        if (!sourceIds.containsKey(originalId)) {
            throw new IllegalArgumentException("no tracker " + originalId);
        }
        long id = FIRST_CLONE_ID + clones.size();
        clones.put(id, new Clone(id, originalId, label));
        return id;
    }

    Map<Long, Clone> clones() {
        return Collections.unmodifiableMap(clones);
    }

    long groupId(long trackerId) {
        return groupIds.getOrDefault(trackerId, 0L);
    }

    /** The recorded track of a tracker (also after it was corrupted), or null. */
    TrackHistory history(long trackerId) {
        TrackerSimulation t = trackers.get(trackerId);
        return t == null ? null : t.track();
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

    /** Tracker id → source id of every tracker created (includes trackers corrupted since), by id. */
    Map<Long, Long> sourceIds() {
        return Collections.unmodifiableMap(sourceIds);
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
