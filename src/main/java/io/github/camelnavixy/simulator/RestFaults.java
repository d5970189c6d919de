package io.github.camelnavixy.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Switches for the tracker REST methods ({@code tracker/list}, {@code track/read}): answer slowly, or answer the
 * next calls with an error code. Keyed by method name; thread-safe, since tests flip them while the loop serves.
 */
final class RestFaults {

    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> forced = new ConcurrentHashMap<>();

    void delay(String method, Duration delay) {
        if (delay == null || delay.isZero()) {
            delays.remove(method);
        } else {
            delays.put(method, delay);
        }
    }

    Duration delay(String method) {
        return delays.getOrDefault(method, Duration.ZERO);
    }

    void failNext(String method, int count, int code) {
        Deque<Integer> queue = forced.computeIfAbsent(method, m -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < count; i++) {
                queue.add(code);
            }
        }
    }

    /** The forced error for this call, or null. */
    Integer nextError(String method) {
        Deque<Integer> queue = forced.get(method);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    void clear() {
        delays.clear();
        forced.clear();
    }
}
