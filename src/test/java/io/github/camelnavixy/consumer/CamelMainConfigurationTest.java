package io.github.camelnavixy.consumer;

import io.github.camelnavixy.NavixyComponent;
import io.github.camelnavixy.NavixyEndpoint;
import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.simulator.NavixySimulator;
import io.github.camelnavixy.support.ConnectProxy;
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

    /**
     * Starts Camel Main with one route from {@code uri} into mock:states, the simulator's key and URL as component
     * properties, and more {@code camel.component.navixy.*} properties given as name, value pairs.
     */
    private void startMain(String uri, String... options) {
        main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("navixy").to("mock:states");
            }
        });
        main.addProperty("camel.component.navixy.apiKey", simulator.apiKey());
        main.addProperty("camel.component.navixy.webSocketUrl", simulator.webSocketUrl());
        for (int i = 0; i < options.length; i += 2) {
            main.addProperty("camel.component.navixy." + options[i], options[i + 1]);
        }
        main.start();
    }

    @Test
    void componentPropertiesReachEveryEndpoint() throws Exception {
        startMain("navixy:state_batch", "rateLimit", "1s", "reconnectMaxDelay", "10s", "splitBatch", "true");

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
        startMain("navixy:state_batch?rateLimit=3s", "rateLimit", "1s");

        NavixyEndpoint endpoint = (NavixyEndpoint) main.getCamelContext().getRoute("navixy").getEndpoint();
        assertThat(endpoint.getPlan().rateLimit()).isEqualTo(Duration.ofSeconds(3));
        assertThat(main.getCamelContext().getComponent("navixy", NavixyComponent.class).getConfiguration().getRateLimit())
                .isEqualTo(Duration.ofSeconds(1));
        org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() >= 1);
    }

    @Test
    void aProxySetOnTheComponentCarriesEveryEndpoint() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.withCredentials("camel", "pr0xy-s3cret")) {
            startMain("navixy:state_batch", "proxyHost", "127.0.0.1", "proxyPort", String.valueOf(proxy.port()),
                    "proxyType", "HTTP", "proxyUsername", "camel", "proxyPassword", "pr0xy-s3cret");

            NavixyEndpoint endpoint = (NavixyEndpoint) main.getCamelContext().getRoute("navixy").getEndpoint();
            assertThat(endpoint.getConfiguration().getProxyPort()).isEqualTo(proxy.port());
            MockEndpoint states = main.getCamelContext().getEndpoint("mock:states", MockEndpoint.class);
            states.expectedMinimumMessageCount(1);
            states.assertIsSatisfied(10_000);
            assertThat(proxy.tunnels()).containsExactly("127.0.0.1:" + simulator.port());
            main.stop();
            main = null;
        }
    }
}
