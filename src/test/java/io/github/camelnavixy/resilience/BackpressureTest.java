package io.github.camelnavixy.resilience;

import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.simulator.NavixySimulator;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A route slower than the feed pauses reading: memory stays bounded, order is kept, the event loop never runs the route. */
class BackpressureTest extends SimulatorRouteTestSupport {

    private static final int FLEET = 20;
    private static final int MAX_PENDING = 30;

    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger maxPendingSeen = new AtomicInteger();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final Map<Long, OffsetDateTime> lastUpdatePerSource = new ConcurrentHashMap<>();
    private final List<String> outOfOrder = new CopyOnWriteArrayList<>();

    @Override
    protected NavixySimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().fleetSize(FLEET).tickInterval(Duration.ofMillis(50)).defaultRateLimit(Duration.ofMillis(50));
    }


    @Test
    void aSlowRoutePausesReadingAndKeepsOrder() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(navixy("state_batch", "maxPendingExchanges=" + MAX_PENDING)).routeId("navixy")
                        .process(exchange -> {
                            threads.add(Thread.currentThread().getName());
                            TrackerState state = exchange.getMessage().getBody(TrackerState.class);
                            OffsetDateTime previous = lastUpdatePerSource.put(state.sourceId(), state.gps().updated());
                            if (previous != null && state.gps().updated().isBefore(previous)) {
                                outOfOrder.add(state.sourceId() + ": " + previous + " then " + state.gps().updated());
                            }
                            gate.await(30, TimeUnit.SECONDS); // the slow route: blocked until the test lets it go
                        });
            }
        });

        await().atMost(10, TimeUnit.SECONDS).until(() -> navixyConsumer().isReadingPaused());
        // Sampled from here, while the route is blocked and the feed keeps coming: paused with a bounded backlog, at
        // most the limit plus the items of the one message that crossed it.
        await().during(Duration.ofMillis(700)).atMost(2, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    int pending = navixyConsumer().getPendingExchanges();
                    maxPendingSeen.accumulateAndGet(pending, Math::max);
                    return pending <= MAX_PENDING + FLEET && navixyConsumer().isReadingPaused();
                });
        assertThat(maxPendingSeen.get()).isGreaterThanOrEqualTo(MAX_PENDING);

        gate.countDown();

        await().atMost(10, TimeUnit.SECONDS).until(() -> !navixyConsumer().isReadingPaused());
        long exchangesAfterResume = navixyConsumer().getExchangeCount();
        await().atMost(10, TimeUnit.SECONDS).until(() -> navixyConsumer().getExchangeCount() > exchangesAfterResume + FLEET);

        System.out.printf("Backpressure: maxPendingExchanges=%d, fleet=%d, most pending seen=%d (bound %d)%n",
                MAX_PENDING, FLEET, maxPendingSeen.get(), MAX_PENDING + FLEET);
        assertThat(maxPendingSeen.get()).isLessThanOrEqualTo(MAX_PENDING + FLEET);
        assertThat(outOfOrder).isEmpty();
        assertThat(threads).isNotEmpty().noneMatch(name -> name.startsWith("vert.x-eventloop"));
        assertThat(simulator.connectionsAccepted()).isEqualTo(1); // pausing is not mistaken for a dead link
    }
}
