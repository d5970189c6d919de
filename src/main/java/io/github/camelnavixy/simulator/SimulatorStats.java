package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What the server saw, for assertions: counters, a bounded log of received frames and parsed requests, and futures
 * that complete when a counter reaches a value (so tests wait on events instead of sleeping). Thread-safe.
 */
final class SimulatorStats {

    /** Logs keep the newest entries only, so a long demo run does not grow without bound. */
    static final int LOG_LIMIT = 10_000;

    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger maxOpen = new AtomicInteger();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong heartbeatsReceived = new AtomicLong();
    final AtomicLong heartbeatsSent = new AtomicLong();
    final AtomicLong framesSent = new AtomicLong();
    final AtomicLong subscribes = new AtomicLong();
    final AtomicLong subscribeErrors = new AtomicLong();
    /** {@code user/auth} requests received, answered or not. */
    final AtomicLong logins = new AtomicLong();
    /** Successful {@code user/session/renew} calls. */
    final AtomicLong sessionRenewals = new AtomicLong();

    private final Deque<String> frames = new ArrayDeque<>();
    private final Deque<JsonNode> requests = new ArrayDeque<>();
    private final List<Waiter> waiters = new ArrayList<>();

    private record Waiter(LongSupplier counter, long target, CompletableFuture<Void> future) {
    }

    void connectionOpened() {
        accepted.incrementAndGet();
        int now = open.incrementAndGet();
        maxOpen.accumulateAndGet(now, Math::max);
        checkWaiters();
    }

    void connectionClosed() {
        open.decrementAndGet();
        checkWaiters();
    }

    void subscribed() {
        subscribes.incrementAndGet();
        checkWaiters();
    }

    void frameReceived(String text) {
        synchronized (frames) {
            frames.addLast(text);
            if (frames.size() > LOG_LIMIT) {
                frames.removeFirst();
            }
        }
    }

    void requestReceived(JsonNode request) {
        synchronized (requests) {
            requests.addLast(request.deepCopy());
            if (requests.size() > LOG_LIMIT) {
                requests.removeFirst();
            }
        }
    }

    List<String> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    List<JsonNode> requests() {
        synchronized (requests) {
            List<JsonNode> copy = new ArrayList<>(requests.size());
            requests.forEach(r -> copy.add(r.deepCopy()));
            return copy;
        }
    }

    /** A future completing once {@code counter} reaches {@code target}. */
    CompletableFuture<Void> when(LongSupplier counter, long target) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        synchronized (waiters) {
            waiters.add(new Waiter(counter, target, f));
        }
        checkWaiters();
        return f;
    }

    private void checkWaiters() {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        synchronized (waiters) {
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
                Waiter w = it.next();
                if (w.counter().getAsLong() >= w.target()) {
                    done.add(w.future());
                    it.remove();
                }
            }
        }
        done.forEach(f -> f.complete(null));
    }
}
