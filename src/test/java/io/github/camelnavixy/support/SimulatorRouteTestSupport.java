package io.github.camelnavixy.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnavixy.NavixyConsumer;
import io.github.camelnavixy.simulator.NavixySimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;

import java.time.Duration;
import java.util.List;

/**
 * A Camel test against a fresh simulator: a fast-ticking fleet of a few trackers. Each test gets its own simulator,
 * so faults and counters never leak between tests.
 */
public abstract class SimulatorRouteTestSupport extends CamelTestSupport {

    protected NavixySimulator simulator;
    protected final RecordingExceptionHandler errors = new RecordingExceptionHandler();

    /** Override to change the simulator. */
    protected NavixySimulator.Builder simulatorBuilder() {
        return NavixySimulator.builder()
                .fleetSize(5)
                .tickInterval(Duration.ofMillis(100))
                .defaultRateLimit(Duration.ofMillis(200))
                .seed(42);
    }

    /**
     * Override to return true for a context with what an operator looks at: JMX, and the health-check registry with
     * the consumers repository (opt-in in a plain context; Camel Main installs it the same way).
     */
    protected boolean observable() {
        return false;
    }

    @Override
    protected boolean useJmx() {
        return observable();
    }

    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext context = super.createCamelContext();
        if (observable()) {
            org.apache.camel.health.HealthCheckRegistry registry = new org.apache.camel.impl.health.DefaultHealthCheckRegistry();
            registry.setCamelContext(context);
            registry.register(registry.resolveById("consumers"));
            context.getCamelContextExtension().addContextPlugin(org.apache.camel.health.HealthCheckRegistry.class, registry);
        }
        return context;
    }

    @Override
    protected void doPreSetup() throws Exception {
        simulator = simulatorBuilder().build().start();
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) throws Exception {
        registry.bind("recordingErrors", errors);
    }

    @Override
    protected void doPostTearDown() throws Exception {
        if (simulator != null) {
            simulator.close();
        }
    }

    /** Adds the route {@code navixy} consuming {@code uri} into {@code mock:events}. */
    protected void route(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("navixy").to("mock:events");
            }
        });
    }

    /** The consumer of the route {@code navixy}. */
    protected NavixyConsumer navixyConsumer() {
        return (NavixyConsumer) context.getRoute("navixy").getConsumer();
    }

    protected MockEndpoint events() {
        return getMockEndpoint("mock:events");
    }

    /** The requests the simulator received with this action (subscribe, unsubscribe). */
    protected List<JsonNode> requests(String action) {
        return simulator.receivedRequests().stream().filter(r -> action.equals(r.path("action").asText())).toList();
    }

    /** A navixy URI pointing at the simulator with its API key, the given path and extra options. */
    protected String navixy(String eventTypes, String options) {
        return "navixy:" + eventTypes + "?apiKey=" + simulator.apiKey() + "&webSocketUrl=" + simulator.webSocketUrl()
                + "&exceptionHandler=#recordingErrors" + (options == null || options.isEmpty() ? "" : "&" + options);
    }
}
