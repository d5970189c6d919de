package io.github.camelnavixy.rest;

/**
 * A Navixy REST call failed: the server answered {@code success:false} with a code, or there was no usable answer
 * (code 0: network, timeout, HTTP error without JSON, body too large). The message never holds the hash.
 */
public class NavixyRestException extends RuntimeException {

    /** Too many requests: back off and retry. */
    public static final int TOO_MANY_REQUESTS = 15;
    /** The requested time span is too big. */
    public static final int TIME_SPAN_TOO_BIG = 211;

    private final String method;
    private final int code;

    public NavixyRestException(String method, int code, String message, Throwable cause) {
        super(message, cause);
        this.method = method;
        this.code = code;
    }

    /** The REST method called, e.g. {@code track/read}. */
    public String method() {
        return method;
    }

    /** Navixy's {@code status.code}, or 0 when the server gave no error body. */
    public int code() {
        return code;
    }

    /** Whether the session behind the hash is gone (3 wrong hash, 4 session ended). */
    public boolean sessionRefused() {
        return code == 3 || code == 4;
    }
}
