package io.github.camelnavixy;

import java.util.function.BooleanSupplier;

/**
 * Where backpressure acts: the source of the work, which can stop and start producing (for the consumer, the
 * WebSocket's reading).
 */
@FunctionalInterface
interface FlowControl {

    /** A source that cannot be held back. */
    FlowControl NONE = wantPaused -> {
    };

    /**
     * The wanted state may have changed. The source reads {@code wantPaused} when it applies the change, not when it
     * is called: an update applied late then never undoes a newer one, whatever thread called it.
     */
    void update(BooleanSupplier wantPaused);
}
