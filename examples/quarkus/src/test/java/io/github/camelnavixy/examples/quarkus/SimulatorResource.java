package io.github.camelnavixy.examples.quarkus;

import io.github.camelnavixy.simulator.NavixySimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Duration;
import java.util.Map;

/**
 * Starts the Navixy simulator that ships with camel-navixy before the application, and points the component at it:
 * the map returned overrides {@code camel.component.navixy.*} from {@code application.properties}.
 */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

    private NavixySimulator simulator;

    @Override
    public Map<String, String> start() {
        // A step every 100 ms: vehicles move (and speed) within seconds.
        simulator = NavixySimulator.builder().fleetSize(10).tickInterval(Duration.ofMillis(100)).build().start();
        return Map.of(
                "camel.component.navixy.apiKey", simulator.apiKey(),
                "camel.component.navixy.baseUrl", simulator.baseUrl(),
                "camel.component.navixy.rateLimit", "1s");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectSimulator.class, NavixySimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
