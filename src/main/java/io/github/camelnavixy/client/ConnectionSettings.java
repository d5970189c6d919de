package io.github.camelnavixy.client;

import java.time.ZoneId;

/**
 * How to reach the server and how to keep the link alive. Durations are in milliseconds; 0 turns a timer off.
 *
 * @param webSocketUrl        the full WebSocket URL without Atmosphere parameters (they are added per connect)
 * @param backoff             reconnect delays and the attempt limit
 * @param pingIntervalMillis  RFC 6455 ping period, 0 = no pings
 * @param idleTimeoutMillis   nothing received for this long means the link is dead, 0 = never
 * @param maxMessageSize      largest accepted message in bytes
 * @param handshakeWaitMillis how long to wait for the Atmosphere handshake before subscribing anyway
 * @param unsubscribeWaitMillis how long a stop waits for the unsubscribe answer
 * @param zone                zone for timestamps sent without an offset
 */
public record ConnectionSettings(
        String webSocketUrl,
        BackoffPolicy backoff,
        long pingIntervalMillis,
        long idleTimeoutMillis,
        int maxMessageSize,
        long handshakeWaitMillis,
        long unsubscribeWaitMillis,
        ZoneId zone) {
}
