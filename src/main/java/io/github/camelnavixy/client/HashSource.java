package io.github.camelnavixy.client;

import io.vertx.core.Future;

/** Where the {@code hash} sent in every request comes from: a fixed API key, or a session obtained by logging in. */
public interface HashSource {

    /** The hash to use now (logs in first if there is none yet). Called on the connection's event loop. */
    Future<String> hash();

    /** Whether {@link #renew()} can produce a new hash after the server refused the current one. */
    boolean renewable();

    /** Forget the current hash and obtain a new one. */
    Future<String> renew();

    /** Release what the source holds (HTTP client). */
    default void close() {
    }
}
