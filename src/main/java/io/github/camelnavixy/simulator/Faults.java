package io.github.camelnavixy.simulator;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Fault switches that change how the server behaves for new work (new connections, new subscribes, each outbound
 * frame). Faults that act once on the open sockets (drop, close, silence, logout) are actions on the simulator
 * instead. Thread-safe: set from test threads, read on the event loop.
 */
final class Faults {

    /** How a refused connection attempt is turned away. */
    enum Refusal {
        /** The upgrade is rejected with HTTP 503: the client's handshake fails. */
        HTTP_503,
        /** The upgrade succeeds and the TCP connection is closed at once, without a close frame. */
        ACCEPT_THEN_DROP
    }

    private volatile long refuseUntilNanos;
    private volatile boolean refuseIndefinitely;
    private volatile Refusal refusal = Refusal.HTTP_503;
    private volatile long writeDelayMillis;
    private final ConcurrentLinkedQueue<Integer> forcedSubscribeErrors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Integer> forcedLoginErrors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Integer> forcedRenewErrors = new ConcurrentLinkedQueue<>();
    private volatile boolean stallLogins;

    void refuse(Duration duration, Refusal how) {
        refusal = how;
        if (duration == null) {
            refuseIndefinitely = true;
        } else {
            refuseIndefinitely = false;
            refuseUntilNanos = System.nanoTime() + duration.toNanos();
        }
    }

    void accept() {
        refuseIndefinitely = false;
        refuseUntilNanos = 0;
    }

    /** @return how to refuse a new connection now, or null when connections are accepted */
    Refusal refusal() {
        if (refuseIndefinitely || refuseUntilNanos - System.nanoTime() > 0) {
            return refusal;
        }
        return null;
    }

    void writeDelay(Duration perFrame) {
        writeDelayMillis = perFrame == null ? 0 : Math.max(0, perFrame.toMillis());
    }

    long writeDelayMillis() {
        return writeDelayMillis;
    }

    void failNextSubscribes(int count, int code) {
        for (int i = 0; i < count; i++) {
            forcedSubscribeErrors.add(code);
        }
    }

    /** @return the error code the next subscribe must get, or null */
    Integer nextForcedSubscribeError() {
        return forcedSubscribeErrors.poll();
    }

    void failNextLogins(int count, int code) {
        for (int i = 0; i < count; i++) {
            forcedLoginErrors.add(code);
        }
    }

    /** @return the error code the next {@code user/auth} must get, or null */
    Integer nextForcedLoginError() {
        return forcedLoginErrors.poll();
    }

    void failNextSessionRenewals(int count, int code) {
        for (int i = 0; i < count; i++) {
            forcedRenewErrors.add(code);
        }
    }

    /** @return the error code the next {@code user/session/renew} must get, or null */
    Integer nextForcedRenewError() {
        return forcedRenewErrors.poll();
    }

    void stallLogins(boolean stall) {
        stallLogins = stall;
    }

    /** Whether {@code user/auth} requests are left unanswered. */
    boolean loginsStalled() {
        return stallLogins;
    }

    void clear() {
        accept();
        writeDelayMillis = 0;
        forcedSubscribeErrors.clear();
        forcedLoginErrors.clear();
        forcedRenewErrors.clear();
        stallLogins = false;
    }
}
