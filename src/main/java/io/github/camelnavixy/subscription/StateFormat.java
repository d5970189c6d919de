package io.github.camelnavixy.subscription;

/** How much of a tracker state the server sends for {@code state} and {@code state_batch}. Lower case: it is the wire value. */
public enum StateFormat {
    full,
    compact
}
