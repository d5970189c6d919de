package io.github.camelnavixy.bench;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the states that reached the route and, in the fixed-rate mode, how long after its frame was sent each one
 * got there. One thread records (the client's event loop or route thread); the harness thread reads the count, and
 * reads latencies only below a count it has read (the atomic count publishes them).
 */
final class StateRecorder {

    private final AtomicLong count = new AtomicLong();
    private final long[] latencyMicros;

    /** @param expected how many latencies to keep; 0 to only count */
    StateRecorder(int expected) {
        this.latencyMicros = expected > 0 ? new long[expected] : null;
    }

    boolean timed() {
        return latencyMicros != null;
    }

    /** One state reached the route; {@code sentMicros} is its frame's send time (ignored when not timed). */
    void record(long sentMicros) {
        if (latencyMicros != null) {
            long c = count.get();
            if (c < latencyMicros.length) {
                latencyMicros[(int) c] = nowMicros() - sentMicros;
            }
        }
        count.incrementAndGet();
    }

    long count() {
        return count.get();
    }

    /** Latencies of the states in [from, to), sorted. */
    long[] sortedLatencies(long from, long to) {
        long[] part = Arrays.copyOfRange(latencyMicros, (int) from, (int) Math.min(to, latencyMicros.length));
        Arrays.sort(part);
        return part;
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    static long micros(OffsetDateTime t) {
        return t == null ? 0 : t.toEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }
}
