package io.github.camelnavixy.examples.quarkus;

import io.github.camelnavixy.NavixyComponent;
import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.simulator.NavixySimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application as Quarkus runs it, against the simulator ({@link SimulatorResource}). */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class FleetRoutesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    CamelContext context;

    @Inject
    Vertx quarkusVertx;

    @InjectSimulator
    NavixySimulator simulator;

    @TestHTTPResource("/q/health/ready")
    URL readiness;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessIsUpOnceTheNavixyConsumerIsSubscribed() {
        HttpResponse<String> ready = awaitReadiness(200);
        String body = compact(ready.body());
        assertTrue(body.startsWith("{\"status\":\"UP\""), body);
        // Camel's consumer checks reach /q/health/ready as one check, "camel-consumers"; the Navixy one is among them.
        assertTrue(body.contains("{\"name\":\"camel-consumers\",\"status\":\"UP\""), body);
        List<HealthCheck.Result> consumerChecks = HealthCheckHelper.getHealthCheckRepository(context, "consumers")
                .stream().map(HealthCheck::call).toList();
        HealthCheck.Result navixy = consumerChecks.stream()
                .filter(result -> "SUBSCRIBED".equals(result.getDetails().get("navixy.state")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no subscribed Navixy consumer among " + consumerChecks));
        assertEquals(HealthCheck.State.UP, navixy.getState());
        assertEquals("fleet", navixy.getDetails().get("route.id"), "the check of route " + navixy.getDetails());
    }

    @Test
    void readinessIsDownWithTheConnectionStateWhileTheFeedIsUnreachable() {
        awaitReadiness(200);
        simulator.refuseConnections();
        try {
            simulator.dropConnections();
            String body = compact(awaitReadiness(503).body());
            assertTrue(body.contains("{\"name\":\"camel-consumers\",\"status\":\"DOWN\""), body);
            assertTrue(body.contains("\"navixy.state\":"), "the Navixy check says why: " + body);
        } finally {
            simulator.acceptConnections();
        }
        awaitReadiness(200); // reconnected and subscribed again
    }

    @Test
    void routeReceivesTypedTrackerStates() {
        NotifyBuilder typedStates = new NotifyBuilder(context).fromRoute("fleet")
                .filter(exchange -> exchange.getMessage().getBody() instanceof TrackerState
                        && "state_batch".equals(exchange.getMessage().getHeader("CamelNavixyEventType")))
                .whenDone(3).create();
        assertTrue(typedStates.matches(WAIT.toSeconds(), TimeUnit.SECONDS), "TrackerState bodies went through the route");
    }

    @Test
    void componentRunsOnTheVertxOfQuarkus() {
        // The component borrows the application's Vert.x from the registry instead of starting a second one.
        assertSame(quarkusVertx, context.getComponent("navixy", NavixyComponent.class).getVertx());
    }

    private HttpResponse<String> awaitReadiness(int status) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            last.set(get(readiness));
            return last.get().statusCode() == status;
        });
        return last.get();
    }

    private HttpResponse<String> get(URL url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String compact(String json) {
        return json.replaceAll("\\s", "");
    }
}
