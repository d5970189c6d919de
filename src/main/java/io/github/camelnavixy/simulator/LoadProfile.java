package io.github.camelnavixy.simulator;

/**
 * A load-test mode for the simulator: instead of the moving fleet's batches, a {@code state_batch} subscription
 * gets a stream of pre-generated frames of the current shape (each {@code itemsPerFrame} full tracker states,
 * cycling through the fleet). Every frame carries a {@code user_time} stamp in ISO-8601 UTC with microseconds:
 * the time the frame was handed to the socket in the fixed-rate mode, a constant in the as-fast-as-read mode.
 *
 * @param itemsPerFrame   states per frame (at least 1)
 * @param statesPerSecond 0: write frames as fast as the client reads them (the socket's write queue decides); more
 *                        than 0: write at this rate, stamping each frame with the time it was due
 * @param totalStates     stop after this many states (rounded up to whole frames); 0 means until the socket closes
 */
public record LoadProfile(int itemsPerFrame, long statesPerSecond, long totalStates) {

    public LoadProfile {
        if (itemsPerFrame < 1 || statesPerSecond < 0 || totalStates < 0) {
            throw new IllegalArgumentException("itemsPerFrame must be >= 1, rates and totals >= 0");
        }
    }

    /** Frames of {@code itemsPerFrame} states, as fast as the client reads, until the socket closes. */
    public static LoadProfile asFastAsRead(int itemsPerFrame) {
        return new LoadProfile(itemsPerFrame, 0, 0);
    }

    /** {@code statesPerSecond} in frames of {@code itemsPerFrame}, each stamped with its send time. */
    public static LoadProfile fixedRate(int itemsPerFrame, long statesPerSecond, long totalStates) {
        if (statesPerSecond < 1) {
            throw new IllegalArgumentException("a fixed rate must be >= 1 state/s");
        }
        return new LoadProfile(itemsPerFrame, statesPerSecond, totalStates);
    }

    /** Frames to send in all, or {@code Long.MAX_VALUE} for no end. */
    long frames() {
        return totalStates == 0 ? Long.MAX_VALUE : (totalStates + itemsPerFrame - 1) / itemsPerFrame;
    }
}
