package io.github.camelnavixy.consumer;

import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The route works from the YAML DSL. */
class YamlRouteDslTest extends SimulatorRouteTestSupport {

    private void load(String name, String text) throws Exception {
        Resource resource = ResourceHelper.fromString(name, text);
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);
    }

    @Test
    void consumesFromAYamlRoute() throws Exception {
        load("navixy.yaml", """
                - route:
                    from:
                      uri: "navixy:state_batch"
                      parameters:
                        apiKey: "%s"
                        webSocketUrl: "%s"
                        rateLimit: "1s"
                      steps:
                        - filter:
                            simple: "${body.gps.location.lat} != null"
                            steps:
                              - to: "mock:yaml"
                """.formatted(simulator.apiKey(), simulator.webSocketUrl()));
        MockEndpoint mock = getMockEndpoint("mock:yaml");
        mock.expectedMinimumMessageCount(3);
        mock.assertIsSatisfied(10_000);
        assertThat(mock.getReceivedExchanges().get(0).getMessage().getBody()).isInstanceOf(TrackerState.class);
    }
}
