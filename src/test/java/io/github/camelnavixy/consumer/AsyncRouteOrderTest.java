package io.github.camelnavixy.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelnavixy.NavixyConstants;
import io.github.camelnavixy.simulator.NavixySimulator;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * A route that continues on other threads ({@code threads(4)}) still sees each batch's items in order: the consumer
 * hands the next Exchange over only when the previous one is done, whichever thread finished it.
 */
class AsyncRouteOrderTest extends SimulatorRouteTestSupport {

    private static final int TRACKERS = 30;

    @Override
    protected NavixySimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().fleetSize(TRACKERS).tickInterval(Duration.ofHours(1));
    }

    @Test
    void itemsOfABatchReachAnAsynchronousRouteInOrder() throws Exception {
        List<Integer> indexes = Collections.synchronizedList(new ArrayList<>());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(navixy("state_batch", null)).routeId("navixy")
                        .threads(4)
                        .process(e -> indexes.add(e.getMessage().getHeader(NavixyConstants.BATCH_INDEX, Integer.class)));
            }
        });
        NotifyBuilder snapshot = new NotifyBuilder(context).fromRoute("navixy").whenDone(TRACKERS).create();

        assertThat(snapshot.matches(20, TimeUnit.SECONDS)).as("the snapshot went through the route").isTrue();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < TRACKERS; i++) {
            expected.add(i);
        }
        assertThat(indexes).containsExactlyElementsOf(expected);
    }
}
