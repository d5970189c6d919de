package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Turns fleet movement and lifecycle changes into events for every subscription: {@code state} right away for each
 * tracker that reported, batches ({@code state_batch}, {@code readings_batch}, {@code iot_monitor}) with only the
 * trackers that reported since the last batch and never more often than the subscription's rate limit, the initial
 * snapshot after a subscribe, and lifecycle notifications (inline items in observed batches, standalone otherwise).
 * Event loop only.
 */
final class EventPump {

    private final Fleet fleet;
    private final SessionHub hub;
    private final EventShapes shapes;
    private final ZoneId userZone;
    private final double simSecondsPerTick;
    private final LoadProfile load;
    private final Vertx vertx;

    EventPump(Fleet fleet, SessionHub hub, EventShapes shapes, ZoneId userZone, Duration simulatedTimePerTick,
            LoadProfile load, Vertx vertx) {
        this.load = load;
        this.vertx = vertx;
        this.fleet = fleet;
        this.hub = hub;
        this.shapes = shapes;
        this.userZone = userZone;
        this.simSecondsPerTick = simulatedTimePerTick.toMillis() / 1000.0;
    }

    /** One simulation step: move the fleet (unless paused) and deliver what is due. */
    void tick(boolean paused) {
        Set<Long> reported = paused ? Set.of() : fleet.step(simSecondsPerTick);
        long now = System.nanoTime();
        for (AtmosphereSession s : hub.sessions()) {
            if (!s.deliversEvents()) {
                continue;
            }
            for (Subscription sub : List.copyOf(s.subscriptions.all())) {
                if (!sub.isBatch()) {
                    for (long id : reported) {
                        if (sub.covers(id) && fleet.deliverable(id)) {
                            s.event(stateEvent(sub, fleet.tracker(id)));
                        }
                    }
                    continue;
                }
                for (long id : reported) {
                    if (sub.covers(id)) {
                        sub.addPending(id);
                    }
                }
                if (sub.due(now)) {
                    flush(s, sub, now);
                }
            }
        }
    }

    /** The initial data right after a subscribe response, for the trackers with status {@code normal}. */
    void snapshot(AtmosphereSession s, Subscription sub, Collection<Long> ids) {
        List<Long> deliverable = ids.stream().filter(fleet::deliverable).distinct().toList();
        if (load != null && SubRequest.STATE_BATCH.equals(sub.type) && !deliverable.isEmpty()) {
            // load mode: the pre-generated stream takes the place of the snapshot and of every later batch
            Timestamps ts = timestamps(sub);
            List<ObjectNode> states = new ArrayList<>();
            deliverable.forEach(id -> states.add(TrackerPayloads.state(fleet.tracker(id), sub.compact(), ts)));
            new LoadStream(vertx, s, load, shapes, states).start();
            return;
        }
        if (!sub.isBatch()) {
            deliverable.forEach(id -> s.event(stateEvent(sub, fleet.tracker(id))));
            return;
        }
        if (!deliverable.isEmpty()) {
            s.event(batchEvent(sub, deliverable, List.of()));
        }
        sub.markSent(System.nanoTime());
    }

    private void flush(AtmosphereSession s, Subscription sub, long now) {
        List<Long> ids = sub.drainTrackers().stream().filter(fleet::deliverable).toList();
        List<ObjectNode> lifecycle = sub.drainLifecycle();
        if (ids.isEmpty() && lifecycle.isEmpty()) {
            return;
        }
        s.event(batchEvent(sub, ids, lifecycle));
        sub.markSent(now);
    }

    private String stateEvent(Subscription sub, TrackerSimulation t) {
        Timestamps ts = timestamps(sub);
        return shapes.state(ts.format(Instant.now()), TrackerPayloads.state(t, sub.compact(), ts));
    }

    private String batchEvent(Subscription sub, List<Long> ids, List<ObjectNode> lifecycle) {
        Timestamps ts = timestamps(sub);
        String userTime = ts.format(Instant.now());
        switch (sub.type) {
            case SubRequest.STATE_BATCH -> {
                List<ObjectNode> states = new ArrayList<>();
                ids.forEach(id -> states.add(TrackerPayloads.state(fleet.tracker(id), sub.compact(), ts)));
                return shapes.stateBatch(userTime, states, lifecycle);
            }
            case SubRequest.READINGS_BATCH -> {
                List<EventShapes.ReadingsItem> items = new ArrayList<>();
                for (long id : ids) {
                    TrackerSimulation t = fleet.tracker(id);
                    items.add(new EventShapes.ReadingsItem(id, TrackerPayloads.readings(t, sub.sensorType(), ts),
                            ts.format(TrackerPayloads.readingsTime(t))));
                }
                return shapes.readingsBatch(userTime, items, lifecycle);
            }
            default -> {
                List<ObjectNode> values = new ArrayList<>();
                ids.forEach(id -> values.add(TrackerPayloads.iotLastValues(fleet.tracker(id))));
                return shapes.iotMonitor(values);
            }
        }
    }

    /**
     * Applies a lifecycle change and notifies subscribers. Observed shape: {@code state} subscribers get a standalone
     * {@code lifecycle} event, batch subscribers an inline {@code lifecycle_event} item in their next batch (SG-BR).
     * Documented shape: a standalone event for every state/state_batch/readings_batch subscriber. {@code iot_monitor}
     * does not imply lifecycle events. After {@code unblock} the current state follows automatically.
     *
     * @return the number of connections notified
     */
    int lifecycle(long trackerId, String kind) {
        Long sourceId = fleet.sourceIds().get(trackerId);
        if (sourceId == null) {
            throw new IllegalArgumentException("no tracker " + trackerId + " in the fleet");
        }
        switch (kind) {
            case "block" -> fleet.blocked().add(trackerId);
            case "unblock" -> fleet.blocked().remove(trackerId);
            case "corrupt" -> fleet.corrupt(trackerId);
            default -> throw new IllegalArgumentException("lifecycle must be block, unblock or corrupt: " + kind);
        }
        Instant now = Instant.now();
        boolean unblock = "unblock".equals(kind);
        int notified = 0;
        for (AtmosphereSession s : hub.sessions()) {
            if (!s.deliversEvents()) {
                continue;
            }
            Subscription standalone = null;
            Subscription stateSub = null;
            for (Subscription sub : s.subscriptions.all()) {
                if (!sub.covers(trackerId) || SubRequest.IOT_MONITOR.equals(sub.type)) {
                    continue;
                }
                if (sub.isBatch() && shapes.shape() == Shape.OBSERVED) {
                    sub.addLifecycle(shapes.lifecycleItem(sourceId, kind, timestamps(sub).format(now)));
                } else if (standalone == null) {
                    standalone = sub;
                }
                if (unblock && sub.isBatch()) {
                    sub.addPending(trackerId);
                }
                if (!sub.isBatch()) {
                    stateSub = sub;
                }
            }
            if (standalone != null) {
                s.event(shapes.lifecycle(sourceId, kind, timestamps(standalone).format(now)));
                notified++;
            }
            if (unblock && stateSub != null && fleet.deliverable(trackerId)) {
                s.event(stateEvent(stateSub, fleet.tracker(trackerId)));
            }
        }
        return notified;
    }

    private Timestamps timestamps(Subscription sub) {
        return new Timestamps(userZone, sub.iso());
    }
}
