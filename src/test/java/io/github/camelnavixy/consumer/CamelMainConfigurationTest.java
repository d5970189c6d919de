package io.github.camelnavixy.consumer;

import io.github.camelnavixy.NavixyComponent;
import io.github.camelnavixy.NavixyEndpoint;
import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.simulator.NavixySimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** camel.component.navixy.* properties configure the component, so a URI needs only its event types. */
class CamelMainConfigurationTest {

    private NavixySimulator simulator;
    private Main main;

    @BeforeEach
    void start() {
        simulator = NavixySimulator.builder().fleetSize(3).tickInterval(Duration.ofMillis(100)).build().start();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        simulator.close();
    }

    @Test
    void componentPropertiesReachEveryEndpoint() throws Exception {
        main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("navixy:state_batch").routeId("navixy").to("mock:states");
            }
        });
        main.addProperty("camel.component.navixy.apiKey", simulator.apiKey());
        main.addProperty("camel.component.navixy.webSocketUrl", simulator.webSocketUrl());
        main.addProperty("camel.component.navixy.rateLimit", "1s");
        main.addProperty("camel.component.navixy.reconnectMaxDelay", "10s");
        main.addProperty("camel.component.navixy.splitBatch", "true");
        main.start();

        NavixyComponent component = main.getCamelContext().getComponent("navixy", NavixyComponent.class);
        assertThat(component.getConfiguration().getRateLimit()).isEqualTo(Duration.ofSeconds(1));
        assertThat(component.getConfiguration().getReconnectMaxDelay()).isEqualTo(10_000L);
        NavixyEndpoint endpoint = (NavixyEndpoint) main.getCamelContext().getRoute("navixy").getEndpoint();
        assertThat(endpoint.getPlan().rateLimit()).isEqualTo(Duration.ofSeconds(1));

        MockEndpoint states = main.getCamelContext().getEndpoint("mock:states", MockEndpoint.class);
        states.expectedMinimumMessageCount(3);
        states.assertIsSatisfied(10_000);
        assertThat(states.getReceivedExchanges().get(0).getMessage().getBody()).isInstanceOf(TrackerState.class);
        assertThat(simulator.receivedRequests().get(0).at("/requests/0/rate_limit").asText()).isEqualTo("1s");
    }

    @Test
    void endpointOptionsOverrideComponentOptionsWithoutChangingThem() throws Exception {
        main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("navixy:state_batch?rateLimit=3s").routeId("navixy").to("mock:states");
            }
        });
        main.addProperty("camel.component.navixy.apiKey", simulator.apiKey());
        main.addProperty("camel.component.navixy.webSocketUrl", simulator.webSocketUrl());
        main.addProperty("camel.component.navixy.rateLimit", "1s");
        main.start();

        NavixyEndpoint endpoint = (NavixyEndpoint) main.getCamelContext().getRoute("navixy").getEndpoint();
        assertThat(endpoint.getPlan().rateLimit()).isEqualTo(Duration.ofSeconds(3));
        assertThat(main.getCamelContext().getComponent("navixy", NavixyComponent.class).getConfiguration().getRateLimit())
                .isEqualTo(Duration.ofSeconds(1));
        org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() >= 1);
    }
}
