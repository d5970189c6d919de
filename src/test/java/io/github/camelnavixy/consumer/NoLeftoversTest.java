package io.github.camelnavixy.consumer;

import io.github.camelnavixy.simulator.NavixySimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A stopped route or context leaves no thread and no connection behind. */
class NoLeftoversTest {

    private NavixySimulator simulator;

    @BeforeEach
    void start() {
        // The simulator runs on a Vert.x of its own; its threads are named apart from the component's below.
        simulator = NavixySimulator.builder().fleetSize(3).tickInterval(Duration.ofMillis(100)).build().start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static Set<Thread> componentThreads(Set<Thread> baseline) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !baseline.contains(t))
                .filter(t -> t.getName().startsWith("vert.x-") || t.getName().contains("NavixyConsumer"))
                .collect(Collectors.toSet());
    }

    @Test
    void stoppingTheRouteClosesTheSocketAndEndsItsThreads() throws Exception {
        Set<Thread> baseline = Set.copyOf(Thread.getAllStackTraces().keySet());
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("navixy:state_batch?pingInterval=100ms&apiKey=" + simulator.apiKey() + "&webSocketUrl="
                            + simulator.webSocketUrl()).routeId("navixy").to("log:x?level=OFF");
                }
            });
            context.start();
            await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() >= 1);
            assertThat(componentThreads(baseline)).isNotEmpty();

            context.getRouteController().stopRoute("navixy");

            await().atMost(5, TimeUnit.SECONDS).until(() -> simulator.openConnections() == 0);
            await().atMost(5, TimeUnit.SECONDS).until(() -> componentThreads(baseline).isEmpty());
        }
    }

    @Test
    void stoppingTheContextClosesEverything() throws Exception {
        Set<Thread> baseline = Set.copyOf(Thread.getAllStackTraces().keySet());
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("navixy:state_batch?apiKey=" + simulator.apiKey() + "&webSocketUrl=" + simulator.webSocketUrl())
                        .to("log:x?level=OFF");
                from("navixy:readings_batch?apiKey=" + simulator.apiKey() + "&webSocketUrl=" + simulator.webSocketUrl())
                        .to("log:y?level=OFF");
            }
        });
        context.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() >= 2);

        context.stop();

        await().atMost(5, TimeUnit.SECONDS).until(() -> simulator.openConnections() == 0);
        await().atMost(5, TimeUnit.SECONDS).until(() -> componentThreads(baseline).isEmpty());
    }
}
