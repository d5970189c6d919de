package io.github.camelnavixy.client;

/** Where a {@link NavixyConnection} is in its life. */
public enum ConnectionState {
    /** Created, not started. */
    NEW,
    /** Waiting for {@code user/auth}: the first login, or a new one after the server ended the session. No socket. */
    LOGGING_IN,
    /** Opening the WebSocket. */
    CONNECTING,
    /** Socket open, waiting for the Atmosphere handshake. */
    HANDSHAKING,
    /** Subscribe action sent, waiting for the response. */
    SUBSCRIBING,
    /** Subscribed: events flow. */
    SUBSCRIBED,
    /** Connection lost or refused; a reconnect is scheduled. */
    WAITING_TO_RECONNECT,
    /** Unsubscribing and closing on request. */
    STOPPING,
    /** Closed on request. */
    STOPPED,
    /** Gave up: authentication refused or reconnect attempts exhausted. Needs a restart. */
    FAILED;

    /** Whether the connection will not come back by itself. */
    public boolean terminal() {
        return this == STOPPED || this == FAILED;
    }
}
