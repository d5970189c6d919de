package io.github.camelnavixy.client;

/** The connection to Navixy failed for good. Messages never carry the hash or password. */
public class NavixyConnectionException extends RuntimeException {

    public NavixyConnectionException(String message) {
        super(message);
    }

    public NavixyConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
