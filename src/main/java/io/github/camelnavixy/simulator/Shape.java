package io.github.camelnavixy.simulator;

/**
 * Which wire shapes the simulator emits. Navixy's documentation and its real traffic disagree (spec §5, §7), and a
 * client has to survive both, so the simulator can speak either.
 */
public enum Shape {
    /**
     * What real Navixy traffic looks like: sub-responses without {@code success}, batch {@code data} first, batch
     * items wrapped as {@code source_state_event} / {@code readings_event}, inline {@code lifecycle_event} items in
     * batches, no {@code user_time} on batches.
     */
    OBSERVED,
    /**
     * What the Navixy documentation describes: {@code success:true} in sub-responses, bare states in
     * {@code state_batch}, {@code user_time} on batches, readings keyed by tracker id, standalone {@code lifecycle}
     * events for every subscriber.
     */
    DOCUMENTED
}
