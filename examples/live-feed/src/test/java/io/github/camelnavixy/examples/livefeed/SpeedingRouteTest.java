package io.github.camelnavixy.examples.livefeed;

import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.simulator.NavixySimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator test shown in the project README, kept here so the README's snippet is known to work. */
class SpeedingRouteTest extends CamelTestSupport {

    static NavixySimulator simulator;

    @BeforeAll
    static void startSimulator() {
        // fast motion: a step every 100 ms
        simulator = NavixySimulator.builder().fleetSize(10).tickInterval(Duration.ofMillis(100)).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("navixy:state_batch?rateLimit=1s&apiKey=" + simulator.apiKey() + "&baseUrl=" + simulator.baseUrl())
                    .filter(simple("${header.CamelNavixyEventType} == 'state_batch' && ${body.gps.speed} > 80"))
                    .to("mock:speeding");
            }
        };
    }

    @Test
    void reportsSpeedingVehicles() throws Exception {
        MockEndpoint speeding = getMockEndpoint("mock:speeding");
        speeding.expectedMinimumMessageCount(1);
        speeding.setResultWaitTime(30_000);
        speeding.assertIsSatisfied();
        TrackerState state = speeding.getReceivedExchanges().get(0).getMessage().getBody(TrackerState.class);
        assertTrue(state.gps().speed() > 80);
    }
}
