package io.github.camelnavixy.client;

import io.github.camelnavixy.protocol.TrackerStatus;

import java.util.Map;

/**
 * A consistent picture of a connection for health checks, consoles and JMX.
 *
 * @param failures        consecutive failed attempts since the last successful subscription
 * @param nextRetryMillis epoch millis of the next reconnect, or 0 when none is scheduled
 * @param lastError       the last error text (never a secret), or {@code null}
 * @param trackerStatuses per event type, tracker id to the status of the last subscribe response
 */
public record ConnectionSnapshot(
        ConnectionState state,
        int failures,
        long nextRetryMillis,
        String lastError,
        Map<String, Map<Long, TrackerStatus>> trackerStatuses,
        long frames,
        long events,
        long reconnects,
        long errors,
        int openSockets) {
}
