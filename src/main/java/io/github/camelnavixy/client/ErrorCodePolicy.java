package io.github.camelnavixy.client;

import java.util.Set;

/**
 * What the connection does about a Navixy error code, in one place. The same codes come back from the WebSocket
 * ({@code type:"error"}) and from the REST calls ({@code user/auth}, {@code user/session/renew}); match on the code,
 * never on the description.
 */
public enum ErrorCodePolicy {

    /** 3 (wrong hash), 4 (session ended): the hash is no good any more. Log in again once, or give up with an API key. */
    SESSION_ENDED(0),
    /** 15 (too many requests): reconnect with backoff, so repeated refusals wait longer each time. */
    SLOW_DOWN(0),
    /** 1, 6, 8, 14 (database, unexpected, queue service, database unavailable): a server hiccup; retry with backoff. */
    TRANSIENT(0),
    /** 104 (logins limit exceeded: reuse sessions): wait at least 10 minutes before the next login. */
    LOGINS_LIMIT(10 * 60_000L),
    /** 105 (login attempts limit exceeded): wait at least 5 minutes before the next login. */
    LOGIN_ATTEMPTS_LIMIT(5 * 60_000L),
    /** 11 (dealer blocked), 102 (wrong login or password), 103 (not activated), 275 (user blocked): retrying cannot help. */
    LOGIN_REFUSED(0),
    /**
     * Anything else. Reported to the exception handler; when it answered the subscribe, the subscribe is retried no
     * sooner than {@code reconnectMaxDelay}, since a request the server calls wrong seldom gets better by itself.
     */
    OTHER(0);

    private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 6, 8, 14);
    private static final Set<Integer> REFUSED_CODES = Set.of(11, 102, 103, 275);

    private final long minimumWaitMillis;

    ErrorCodePolicy(long minimumWaitMillis) {
        this.minimumWaitMillis = minimumWaitMillis;
    }

    /** The policy for a Navixy {@code status.code}. */
    public static ErrorCodePolicy of(int code) {
        if (code == 3 || code == 4) {
            return SESSION_ENDED;
        }
        if (code == 15) {
            return SLOW_DOWN;
        }
        if (code == 104) {
            return LOGINS_LIMIT;
        }
        if (code == 105) {
            return LOGIN_ATTEMPTS_LIMIT;
        }
        if (TRANSIENT_CODES.contains(code)) {
            return TRANSIENT;
        }
        return REFUSED_CODES.contains(code) ? LOGIN_REFUSED : OTHER;
    }

    /** The shortest wait before trying again, whatever the backoff says; 0 = the backoff decides alone. */
    public long minimumWaitMillis() {
        return minimumWaitMillis;
    }
}
