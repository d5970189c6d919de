package io.github.camelnavixy.client;

import io.github.camelnavixy.protocol.TrackerStatus;

import java.util.Map;

/**
 * A consistent picture of a connection for health checks, consoles and JMX.
 *
 * @param stateDetail       why the connection is in its state (the text of the last transition; never a secret)
 * @param failures          consecutive failed attempts; goes back to 0 once a subscription has lasted
 *                          {@link ConnectionSettings#stableAfterMillis()}
 * @param nextRetryMillis   epoch millis of the next reconnect or login, or 0 when none is scheduled
 * @param nextRenewalMillis epoch millis of the next session renewal, or 0 when none is scheduled (API keys)
 * @param lastError         the last error text (never a secret), or {@code null}
 * @param trackerStatuses   per event type, tracker id to the status of the last subscribe response
 */
public record ConnectionSnapshot(
        ConnectionState state,
        String stateDetail,
        int failures,
        long nextRetryMillis,
        long nextRenewalMillis,
        String lastError,
        Map<String, Map<Long, TrackerStatus>> trackerStatuses,
        long frames,
        long events,
        long reconnects,
        long errors,
        int openSockets) {
}
