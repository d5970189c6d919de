package io.github.camelnavixy.client;

import io.vertx.core.Future;

/**
 * Where the {@code hash} sent in every request comes from: a fixed API key, or a session obtained by logging in.
 *
 * <p>A source outlives the connections that use it: the consumer keeps one for its whole life, so a suspend and
 * resume (a new connection) goes on with the same, still valid session instead of logging in again. The source is
 * therefore never closed by a connection, only by its owner.
 */
public interface HashSource {

    /** The hash to use now; logs in first if there is none. Concurrent callers share one login. */
    Future<String> hash();

    /** Whether a refused hash can be replaced by logging in again. */
    boolean renewable();

    /** The server refused {@code hash} (error 3/4, logout event): the next {@link #hash()} must not return it. */
    void forget(String hash);

    /**
     * Epoch millis when the current session hash was issued or last renewed, or 0 when the hash needs no renewal
     * (API keys never expire, and without a hash there is nothing to renew).
     */
    default long sessionStartMillis() {
        return 0;
    }

    /**
     * Extends the session before it expires ({@code user/session/renew}); when that fails, logs in again. Yields the
     * hash valid afterwards: the same one after a renewal, a new one after a new login.
     */
    default Future<String> keepAlive() {
        return hash();
    }

    /** Release what the source holds (HTTP client). */
    default void close() {
    }
}
