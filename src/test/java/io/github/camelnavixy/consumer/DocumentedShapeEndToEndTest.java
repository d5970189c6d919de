package io.github.camelnavixy.consumer;

import io.github.camelnavixy.simulator.NavixySimulator;
import io.github.camelnavixy.simulator.Shape;

/**
 * The same end-to-end behaviour when the server speaks the documented shapes (bare batch items, readings keyed by
 * tracker id, standalone lifecycle events, {@code success} in responses) instead of the observed ones.
 */
class DocumentedShapeEndToEndTest extends EventTypesEndToEndTest {

    @Override
    protected NavixySimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().shape(Shape.DOCUMENTED);
    }
}
