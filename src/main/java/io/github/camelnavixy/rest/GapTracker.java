package io.github.camelnavixy.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the gaps an outage left: it remembers the latest GPS time the route saw per source, and after every
 * re-subscription compares the <em>first</em> state of each source (the new snapshot) with it. A later snapshot, less
 * than {@code maxAge} after the last time seen, makes a {@link GapWindow}; the windows of one source never overlap,
 * since each starts at the latest time seen before it.
 *
 * <p>Not thread-safe: the consumer calls it from its one worker thread, in the order the route sees states.
 */
public final class GapTracker {

    private final Duration maxAge;
    private final Map<Long, OffsetDateTime> lastSeen = new HashMap<>();
    private final Set<Long> checkedSinceSubscribe = new HashSet<>();
    private int subscriptions;
    private long tooOld;

    public GapTracker(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /** A subscription (first, or again after a reconnect or re-login) was answered; the next states are a snapshot. */
    public void subscribed() {
        subscriptions++;
        checkedSinceSubscribe.clear();
    }

    /**
     * The route is about to see a state of {@code sourceId} with GPS time {@code gpsTime}.
     *
     * @param trackerId the tracker id from the directory, or {@code null} when it is not known (no window then)
     * @return the gap to fill, if this state is the first after a re-subscription and later than what was seen
     */
    public Optional<GapWindow> observe(Long trackerId, Long sourceId, OffsetDateTime gpsTime) {
        if (sourceId == null || gpsTime == null) {
            return Optional.empty();
        }
        OffsetDateTime previous = lastSeen.get(sourceId);
        if (previous == null || gpsTime.isAfter(previous)) {
            lastSeen.put(sourceId, gpsTime);
        }
        boolean firstAfterResubscribe = subscriptions > 1 && checkedSinceSubscribe.add(sourceId);
        if (!firstAfterResubscribe || previous == null || !gpsTime.isAfter(previous) || trackerId == null) {
            return Optional.empty();
        }
        if (Duration.between(previous, gpsTime).compareTo(maxAge) > 0) {
            tooOld++;
            return Optional.empty();
        }
        return Optional.of(new GapWindow(trackerId, sourceId, previous, gpsTime));
    }

    /** Gaps skipped because they were longer than the maximum age. */
    public long tooOldCount() {
        return tooOld;
    }
}
