package io.github.camelnavixy.client;

/**
 * {@code user/auth} answered 104 (too many sessions) or 105 (too many login attempts). Logging in again soon would
 * only make it worse, so the next attempt waits at least {@link #minimumWaitMillis()} whatever the backoff says.
 */
public class NavixyLoginLimitException extends NavixyConnectionException {

    private final int code;
    private final long minimumWaitMillis;

    public NavixyLoginLimitException(String message, int code, long minimumWaitMillis) {
        super(message);
        this.code = code;
        this.minimumWaitMillis = minimumWaitMillis;
    }

    public int code() {
        return code;
    }

    public long minimumWaitMillis() {
        return minimumWaitMillis;
    }
}
