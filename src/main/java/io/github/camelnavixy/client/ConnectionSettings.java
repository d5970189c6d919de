package io.github.camelnavixy.client;

import java.time.ZoneId;

/**
 * How to reach the server and how to keep the link alive. Durations are in milliseconds; 0 turns a timer off.
 *
 * @param webSocketUrl          the full WebSocket URL without Atmosphere parameters (they are added per connect)
 * @param backoff               reconnect delays and the attempt limit
 * @param pingIntervalMillis    RFC 6455 ping period, 0 = no pings
 * @param idleTimeoutMillis     nothing received for this long means the link is dead, 0 = never
 * @param maxMessageSize        largest accepted message in bytes
 * @param handshakeWaitMillis   how long to wait for the Atmosphere handshake before subscribing anyway
 * @param unsubscribeWaitMillis how long a stop waits for the unsubscribe answer
 * @param zone                  zone for timestamps sent without an offset
 * @param stableAfterMillis     how long a subscription must last before the failure count goes back to 0: a link
 *                              that dies sooner keeps backing off
 * @param sessionRenewMillis    how long after its issue or last renewal a login session is renewed
 */
public record ConnectionSettings(
        String webSocketUrl,
        BackoffPolicy backoff,
        long pingIntervalMillis,
        long idleTimeoutMillis,
        int maxMessageSize,
        long handshakeWaitMillis,
        long unsubscribeWaitMillis,
        ZoneId zone,
        long stableAfterMillis,
        long sessionRenewMillis) {

    /** Renew a login session once a day: far ahead of the 30 days (or, by one older page, 24 h) it lives. */
    public static final long DEFAULT_SESSION_RENEW_MILLIS = 24 * 3_600_000L;
    /** The shortest stability window. */
    public static final long MIN_STABLE_AFTER_MILLIS = 30_000;

    /**
     * The settings with the default rules: a subscription counts as stable after {@code max(30 s, reconnectMaxDelay)},
     * and sessions are renewed every {@value #DEFAULT_SESSION_RENEW_MILLIS} ms.
     */
    public ConnectionSettings(String webSocketUrl, BackoffPolicy backoff, long pingIntervalMillis, long idleTimeoutMillis,
            int maxMessageSize, long handshakeWaitMillis, long unsubscribeWaitMillis, ZoneId zone) {
        this(webSocketUrl, backoff, pingIntervalMillis, idleTimeoutMillis, maxMessageSize, handshakeWaitMillis,
                unsubscribeWaitMillis, zone, Math.max(MIN_STABLE_AFTER_MILLIS, backoff.maxDelayMillis()),
                DEFAULT_SESSION_RENEW_MILLIS);
    }

    /** These settings with another stability window (tests shorten it). */
    public ConnectionSettings withStableAfter(long millis) {
        return new ConnectionSettings(webSocketUrl, backoff, pingIntervalMillis, idleTimeoutMillis, maxMessageSize,
                handshakeWaitMillis, unsubscribeWaitMillis, zone, millis, sessionRenewMillis);
    }

    /** These settings with another session renewal period (tests shorten it). */
    public ConnectionSettings withSessionRenewal(long millis) {
        return new ConnectionSettings(webSocketUrl, backoff, pingIntervalMillis, idleTimeoutMillis, maxMessageSize,
                handshakeWaitMillis, unsubscribeWaitMillis, zone, stableAfterMillis, millis);
    }
}
