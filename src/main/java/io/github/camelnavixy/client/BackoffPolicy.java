package io.github.camelnavixy.client;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential reconnect delays with jitter: the n-th consecutive failure waits between half and all of
 * {@code min(max, first * 2^(n-1))}. The random half spreads many clients that lost the same server, so they do not
 * all come back in the same instant.
 */
public record BackoffPolicy(long firstDelayMillis, long maxDelayMillis, int maxAttempts) {

    public BackoffPolicy {
        if (firstDelayMillis < 0 || maxDelayMillis < 0) {
            throw new IllegalArgumentException("reconnect delays must not be negative");
        }
        maxDelayMillis = Math.max(maxDelayMillis, firstDelayMillis);
    }

    /** The ceiling for the given failure count (1 = first failure), before jitter. */
    public long ceilingMillis(int failures) {
        if (failures <= 1) {
            return firstDelayMillis;
        }
        int shift = Math.min(failures - 1, 30);
        long delay = firstDelayMillis << shift;
        return delay < 0 || delay > maxDelayMillis ? maxDelayMillis : delay;
    }

    /** The delay to wait after the given failure count, jittered within [ceiling/2, ceiling]. */
    public long delayMillis(int failures) {
        long ceiling = ceilingMillis(failures);
        if (ceiling <= 1) {
            return ceiling;
        }
        long half = ceiling / 2;
        return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
    }

    /** Whether another attempt is allowed after this many consecutive failures. */
    public boolean allowsAnotherAttempt(int failures) {
        return maxAttempts < 0 || failures < maxAttempts;
    }
}
