package io.github.camelnavixy.examples.livefeed;

import io.github.camelnavixy.NavixyComponent;
import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.simulator.NavixySimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example's routes against the simulator: a fleet in fast motion (100 ms ticks) soon has a vehicle above 80 km/h,
 * and each route must raise a speeding alert for it with a typed body.
 */
class LiveFeedRoutesTest extends CamelTestSupport {

    private static NavixySimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = NavixySimulator.builder().fleetSize(10).tickInterval(Duration.ofMillis(100)).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Override
    public boolean isUseAdviceWith() {
        return true; // the test adds a mock after the alert before starting the context
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("navixy.apiKey", simulator.apiKey());
        return properties;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // What camel.component.navixy.baseUrl does in LiveFeedApp.
        context.getComponent("navixy", NavixyComponent.class).getConfiguration().setBaseUrl(simulator.baseUrl());
        return context;
    }

    @Test
    void javaRouteRaisesSpeedingAlert() throws Exception {
        context.addRoutes(new LiveFeedRoutes());
        Exchange alert = expectSpeedingAlert("live-feed", "speeding-alert");
        // the demo names vehicles by their label from the tracker directory, not only by source id
        String label = alert.getMessage().getHeader("CamelNavixyTrackerLabel", String.class);
        assertTrue(label != null && label.matches("(Truck|Van|Car) \\d+"), "label " + label);
    }

    @Test
    void yamlRouteRaisesSpeedingAlert() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveResource(context, "classpath:routes/speeding.camel.yaml"));
        expectSpeedingAlert("speeding-yaml", "speeding-alert-yaml");
    }

    @Test
    void xmlRouteRaisesSpeedingAlert() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveResource(context, "classpath:routes/speeding.camel.xml"));
        expectSpeedingAlert("speeding-xml", "speeding-alert-xml");
    }

    private Exchange expectSpeedingAlert(String routeId, String alertId) throws Exception {
        AdviceWith.adviceWith(context, routeId, route -> route.weaveById(alertId).after().to("mock:speeding"));
        MockEndpoint speeding = getMockEndpoint("mock:speeding");
        speeding.expectedMinimumMessageCount(1);
        speeding.setResultWaitTime(TimeUnit.SECONDS.toMillis(30));
        context.start();

        speeding.assertIsSatisfied();
        TrackerState state = assertInstanceOf(TrackerState.class, speeding.getReceivedExchanges().get(0).getMessage().getBody());
        assertTrue(state.gps().speed() > 80, "alert for " + state.gps().speed() + " km/h");
        assertTrue(simulator.sourceIds().containsValue(state.sourceId()), "source id " + state.sourceId() + " is in the fleet");
        return speeding.getReceivedExchanges().get(0);
    }
}
