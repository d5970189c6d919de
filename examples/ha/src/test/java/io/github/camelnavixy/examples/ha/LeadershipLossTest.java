package io.github.camelnavixy.examples.ha;

import io.github.camelnavixy.simulator.NavixySimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Navixy consumer under {@code master:} in one JVM: it subscribes when the node becomes leader, unsubscribes and
 * closes its socket when the node loses the leadership, delivers no Exchange after that, and subscribes again when the
 * leadership comes back. The leadership is handed out and taken back by the test
 * ({@link SwitchableClusterService}), so the moment of stepping down is exact; the master consumer and the Navixy
 * consumer are the real ones.
 */
class LeadershipLossTest {

    private NavixySimulator simulator;
    private CamelContext context;
    private final SwitchableClusterService clusterService = new SwitchableClusterService();
    private final AtomicLong exchanges = new AtomicLong();

    @BeforeEach
    void start() throws Exception {
        simulator = NavixySimulator.builder().fleetSize(5).tickInterval(Duration.ofMillis(100))
                .defaultRateLimit(Duration.ofMillis(200)).build().start();
        context = new DefaultCamelContext();
        context.addService(clusterService);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:navixy:navixy:state_batch?apiKey=" + simulator.apiKey() + "&webSocketUrl="
                        + simulator.webSocketUrl())
                        .routeId("fleet")
                        .process(e -> exchanges.incrementAndGet());
            }
        });
        context.start();
        clusterService.setLeader(true);
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        simulator.close();
    }

    private long unsubscribes() {
        return simulator.receivedRequests().stream()
                .filter(r -> "unsubscribe".equals(r.path("action").asText())).count();
    }

    @Test
    void losingTheLeadershipUnsubscribesAndEndsDeliveryAndRegainingItSubscribesAgain() throws Exception {
        await().atMost(20, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() == 1 && exchanges.get() > 0);

        // The master consumer stops the Navixy consumer inside the leadership event: once this returns, the node
        // has stepped down and its consumer is stopped (unsubscribed, socket closed, queued items dropped).
        clusterService.setLeader(false);
        long delivered = exchanges.get();

        assertThat(unsubscribes()).as("unsubscribed before closing").isEqualTo(1);
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.openConnections() == 0);
        // The fleet keeps moving; the stepped-down node must not deliver anything more.
        await().during(1500, TimeUnit.MILLISECONDS).atMost(3, TimeUnit.SECONDS)
                .until(() -> exchanges.get() == delivered && simulator.activeSubscriptions() == 0);
        assertThat(context.getRouteController().getRouteStatus("fleet").isStarted())
                .as("the route stays, only its consumer stops").isTrue();

        clusterService.setLeader(true);

        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> simulator.activeSubscriptions() == 1 && exchanges.get() > delivered);
        assertThat(simulator.subscribeCount()).isEqualTo(2);
        assertThat(simulator.maxOpenConnections()).isEqualTo(1);
    }
}
