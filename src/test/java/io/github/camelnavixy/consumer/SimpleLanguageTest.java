package io.github.camelnavixy.consumer;

import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Routes filter typed bodies with the simple language exactly as the docs write it. */
class SimpleLanguageTest extends SimulatorRouteTestSupport {

    @Test
    void filtersOnSpeedAndReadsNestedFields() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(navixy("state_batch", "rateLimit=1s"))
                        .setHeader("lat", simple("${body.gps.location.lat}"))
                        .setHeader("source", simple("${body.sourceId}"))
                        .to("mock:all")
                        .filter(simple("${body.gps.speed} > 80"))
                        .to("mock:speeding");
            }
        });
        getMockEndpoint("mock:speeding").expectedMinimumMessageCount(1);
        getMockEndpoint("mock:speeding").assertIsSatisfied(20_000);

        for (Exchange exchange : getMockEndpoint("mock:speeding").getReceivedExchanges()) {
            assertThat(exchange.getMessage().getBody(TrackerState.class).gps().speed()).isGreaterThan(80);
        }
        Exchange any = getMockEndpoint("mock:all").getReceivedExchanges().get(0);
        TrackerState state = any.getMessage().getBody(TrackerState.class);
        assertThat(any.getMessage().getHeader("lat", Double.class)).isEqualTo(state.gps().location().lat());
        assertThat(any.getMessage().getHeader("source", Long.class)).isEqualTo(state.sourceId());
        // Slower ones were filtered out, so the filter really decided something.
        assertThat(getMockEndpoint("mock:all").getReceivedExchanges())
                .anyMatch(e -> e.getMessage().getBody(TrackerState.class).gps().speed() <= 80);
    }

    @Test
    void filtersLifecycleExchangesByHeader() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(navixy("state_batch", "rateLimit=1s"))
                        .filter(simple("${header.CamelNavixyEventType} == 'lifecycle'"))
                        .to("mock:lifecycle");
            }
        });
        getMockEndpoint("mock:lifecycle").expectedMessageCount(1);
        org.awaitility.Awaitility.await().atMost(10, java.util.concurrent.TimeUnit.SECONDS)
                .until(() -> simulator.activeSubscriptions() >= 1);
        simulator.lifecycle(simulator.trackerIds().get(1), "corrupt");
        getMockEndpoint("mock:lifecycle").assertIsSatisfied(10_000);
    }
}
