package io.github.camelnavixy.simulator;

import java.time.Duration;
import java.util.List;

/**
 * One validated sub-request of a {@code subscribe}/{@code unsubscribe} action.
 *
 * @param type              event type
 * @param all               {@code target.type=all}
 * @param trackerIds        selected tracker ids in request order ({@code trackers} for state, {@code tracker_ids} otherwise)
 * @param rateLimit         batching interval, {@code null} when absent
 * @param compact           {@code format=compact}
 * @param sensorType        readings_batch filter or null
 * @param includeComponents readings_batch flag (default true)
 * @param flowId            iot_monitor flow id or null
 */
record SubRequest(String type, boolean all, List<Long> trackerIds, Duration rateLimit, boolean compact,
        String sensorType, boolean includeComponents, Long flowId) {

    static final String STATE = "state";
    static final String STATE_BATCH = "state_batch";
    static final String READINGS_BATCH = "readings_batch";
    static final String IOT_MONITOR = "iot_monitor";
    static final List<String> TYPES = List.of(STATE, STATE_BATCH, READINGS_BATCH, IOT_MONITOR);
}
