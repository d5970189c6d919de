package io.github.camelnavixy.support;

import io.github.camelnavixy.simulator.NavixySimulator;
import org.apache.camel.test.junit5.CamelTestSupport;

import java.time.Duration;

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

    /** A navixy URI pointing at the simulator with its API key, the given path and extra options. */
    protected String navixy(String eventTypes, String options) {
        return "navixy:" + eventTypes + "?apiKey=" + simulator.apiKey() + "&webSocketUrl=" + simulator.webSocketUrl()
                + "&exceptionHandler=#recordingErrors" + (options == null || options.isEmpty() ? "" : "&" + options);
    }
}
