package io.github.camelnavixy.client;

import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.protocol.ErrorResponse;
import io.github.camelnavixy.protocol.SubscriptionResponse;
import io.github.camelnavixy.protocol.MalformedFrameException;

/**
 * What a {@link NavixyConnection} reports. Every call comes on the connection's event-loop thread, in the order the
 * frames arrived, so an implementation must hand real work to another thread and return quickly.
 */
public interface ConnectionListener {

    /** An event arrived (including lifecycle and logout). */
    void onEvent(NavixyEvent event);

    /** The server answered a subscribe action. */
    default void onSubscribed(SubscriptionResponse response) {
    }

    /** The server answered with an error that does not end the connection (not an auth error). */
    void onServerError(ErrorResponse error);

    /** A frame could not be read; the stream goes on. */
    void onMalformedFrame(MalformedFrameException error);

    /**
     * A login or session renewal failed in a way that may pass (no answer in time, network, HTTP error, 104/105); the
     * connection retries by itself. Meant for the exception handler, so an operator sees logins that keep failing.
     */
    default void onLoginFailed(NavixyConnectionException cause) {
    }

    /**
     * The connection moved to another state ({@code detail} says why, never a secret). Not an error: for observers
     * such as tests; the health check reads {@link NavixyConnection#snapshot()} instead.
     */
    default void onStateChanged(ConnectionState state, String detail) {
    }

    /** The connection gave up for good: authentication refused or reconnect attempts exhausted. */
    void onGaveUp(NavixyConnectionException cause);
}
