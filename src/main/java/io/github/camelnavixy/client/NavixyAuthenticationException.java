package io.github.camelnavixy.client;

/**
 * Navixy refused the credentials: error code 3 or 4, a failed {@code user/auth}, or a {@code logout} event that a new
 * login could not repair. Retrying with the same credentials cannot succeed, so the connection stops.
 */
public class NavixyAuthenticationException extends NavixyConnectionException {

    private final int code;

    public NavixyAuthenticationException(String message, int code) {
        super(message);
        this.code = code;
    }

    /** The Navixy error code, or 0 when the reason was a logout event. */
    public int code() {
        return code;
    }
}
