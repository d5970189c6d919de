package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One connection's subscription to one event type, plus what it has pending: trackers that reported since the last
 * batch and inline lifecycle items. Batches go out when something is pending and at least {@code rateLimit} has
 * passed since the previous batch, measured with {@link System#nanoTime()} at send time, so the gap a client sees
 * between two batches is never shorter than the rate limit.
 *
 * <p>Event loop only.
 */
final class Subscription {

    final String type;
    private boolean all;
    private final Set<Long> trackerIds = new LinkedHashSet<>();
    private Duration rateLimit;
    private boolean compact;
    private String sensorType;
    private Long flowId;
    private boolean iso;
    private String hash;

    private final Set<Long> pendingTrackers = new LinkedHashSet<>();
    private final List<ObjectNode> pendingLifecycle = new ArrayList<>();
    private long lastSentNanos;

    Subscription(String type) {
        this.type = type;
    }

    /** Applies a (re-)subscribe: selected ids are added to the existing ones (SG-2023), {@code all} sticks. */
    void merge(SubRequest r, Duration defaultRate, boolean iso, String hash) {
        all |= r.all();
        trackerIds.addAll(r.trackerIds());
        rateLimit = SubRequest.STATE.equals(type) ? null : r.rateLimit() != null ? r.rateLimit() : defaultRate;
        compact = r.compact();
        sensorType = r.sensorType();
        flowId = r.flowId();
        this.iso = iso;
        this.hash = hash;
    }

    /** Removes what an unsubscribe names; returns the ids that were covered before and are removed now. */
    List<Long> remove(SubRequest r, List<Long> fleetIds) {
        List<Long> removed = new ArrayList<>();
        if (r.all()) {
            removed.addAll(all ? fleetIds : trackerIds);
            all = false;
            trackerIds.clear();
        } else {
            for (Long id : r.trackerIds()) {
                if (trackerIds.remove(id) || all) {
                    removed.add(id);
                }
            }
            if (all) {
                // unsubscribing single ids from an "all" subscription: keep the rest as an explicit selection
                all = false;
                fleetIds.stream().filter(id -> !r.trackerIds().contains(id)).forEach(trackerIds::add);
            }
        }
        pendingTrackers.retainAll(trackerIds);
        return removed;
    }

    boolean isEmpty() {
        return !all && trackerIds.isEmpty();
    }

    boolean covers(long trackerId) {
        return all || trackerIds.contains(trackerId);
    }

    boolean isBatch() {
        return !SubRequest.STATE.equals(type);
    }

    void addPending(long trackerId) {
        pendingTrackers.add(trackerId);
    }

    void addLifecycle(ObjectNode item) {
        pendingLifecycle.add(item);
    }

    boolean due(long nowNanos) {
        return (!pendingTrackers.isEmpty() || !pendingLifecycle.isEmpty())
                && nowNanos - lastSentNanos >= rateLimit.toNanos();
    }

    /** Takes (and clears) the pending trackers. */
    List<Long> drainTrackers() {
        List<Long> ids = new ArrayList<>(pendingTrackers);
        pendingTrackers.clear();
        return ids;
    }

    List<ObjectNode> drainLifecycle() {
        List<ObjectNode> items = new ArrayList<>(pendingLifecycle);
        pendingLifecycle.clear();
        return items;
    }

    void markSent(long nowNanos) {
        lastSentNanos = nowNanos;
    }

    boolean compact() { return compact; }
    String sensorType() { return sensorType; }
    Long flowId() { return flowId; }
    boolean iso() { return iso; }
    String hash() { return hash; }

    SubscriptionInfo info() {
        return new SubscriptionInfo(type, all, Collections.unmodifiableSet(new LinkedHashSet<>(trackerIds)),
                rateLimit, compact ? "compact" : "full", iso, hash);
    }
}
