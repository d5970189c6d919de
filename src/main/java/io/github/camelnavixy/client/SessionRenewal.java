package io.github.camelnavixy.client;

import io.vertx.core.Vertx;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Keeps a login session from reaching its expiry: {@code periodMillis} after the session was issued or last renewed,
 * asks the {@link HashSource} to {@link HashSource#keepAlive() keep it alive} (renew, or log in again when renewing
 * fails). A failure is reported and the renewal tried again after a tenth of the period (at least 1 s), since the
 * session may still have long to live. Sources without sessions (API keys) are never renewed. Event loop only.
 */
final class SessionRenewal {

    private final Vertx vertx;
    private final HashSource source;
    private final long periodMillis;
    private final BooleanSupplier active;
    private final Consumer<String> onHash;
    private final Consumer<NavixyConnectionException> onFailure;
    private long timer = -1;
    private volatile long nextMillis;

    /**
     * @param active    whether renewing still matters (false once the connection stops)
     * @param onHash    the hash valid after a renewal: the same one, or a new one after a new login
     * @param onFailure a renewal and the new login after it both failed
     */
    SessionRenewal(Vertx vertx, HashSource source, long periodMillis, BooleanSupplier active, Consumer<String> onHash,
            Consumer<NavixyConnectionException> onFailure) {
        this.vertx = vertx;
        this.source = source;
        this.periodMillis = periodMillis;
        this.active = active;
        this.onHash = onHash;
        this.onFailure = onFailure;
    }

    /** Schedules the next renewal from the session's start, unless one is scheduled already or there is no session. */
    void schedule() {
        long start = source.sessionStartMillis();
        if (timer >= 0 || start <= 0 || periodMillis <= 0) {
            return;
        }
        at(start + periodMillis);
    }

    /** Epoch millis of the next renewal, or 0 when none is scheduled. */
    long nextMillis() {
        return nextMillis;
    }

    void cancel() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        nextMillis = 0;
    }

    private void at(long dueMillis) {
        nextMillis = dueMillis;
        timer = vertx.setTimer(Math.max(1, dueMillis - System.currentTimeMillis()), t -> {
            timer = -1;
            renew();
        });
    }

    private void renew() {
        if (!active.getAsBoolean()) {
            return;
        }
        source.keepAlive().onComplete(result -> {
            if (!active.getAsBoolean()) {
                return;
            }
            if (result.succeeded()) {
                onHash.accept(result.result());
                schedule();
            } else {
                onFailure.accept(result.cause() instanceof NavixyConnectionException e ? e
                        : new NavixyConnectionException("session renewal failed", result.cause()));
                at(System.currentTimeMillis() + Math.max(1000, periodMillis / 10));
            }
        });
    }
}
