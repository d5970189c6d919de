package io.github.camelnavixy.simulator;

import java.time.Duration;
import java.util.Set;

/**
 * A read-only view of one active subscription on one connection, for assertions in tests.
 *
 * @param type        {@code state}, {@code state_batch}, {@code readings_batch} or {@code iot_monitor}
 * @param allTrackers true when subscribed with {@code target.type=all}
 * @param trackerIds  the selected tracker ids (empty when {@code allTrackers})
 * @param rateLimit   the effective batching interval ({@code null} for {@code state})
 * @param format      {@code full} or {@code compact} (only meaningful for state / state_batch)
 * @param isoDateTime whether timestamps are sent as ISO-8601 with offset
 * @param hash        the hash (API key or session hash) the subscription was made with
 */
public record SubscriptionInfo(String type, boolean allTrackers, Set<Long> trackerIds, Duration rateLimit,
        String format, boolean isoDateTime, String hash) {
}
