package io.github.camelnavixy.examples.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnavixy.model.LifecycleChange;
import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.simulator.NavixySimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as shipped (its application.properties), against a simulated fleet in fast motion instead of a
 * Navixy account: the simulator's key and URL replace NAVIXY_API_KEY and NAVIXY_BASE_URL, and alerts go to a mock
 * endpoint instead of the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"fleet.alerts-uri=mock:alerts", "fleet.rate-limit=1s"})
@DirtiesContext
class FleetAlertsApplicationTest {

    static NavixySimulator simulator;

    @DynamicPropertySource
    static void navixyAccount(DynamicPropertyRegistry registry) {
        simulator = NavixySimulator.builder().fleetSize(10).tickInterval(Duration.ofMillis(100)).build().start();
        registry.add("camel.component.navixy.api-key", simulator::apiKey);
        registry.add("camel.component.navixy.base-url", simulator::baseUrl);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Autowired
    CamelContext camelContext;

    @Value("${local.server.port}")
    int port;

    @Test
    void alertsOnlyVehiclesOverTheSpeedLimit() {
        MockEndpoint alerts = camelContext.getEndpoint("mock:alerts", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> !alertsOfKind(alerts, "speeding").isEmpty());

        for (Exchange alert : alertsOfKind(alerts, "speeding")) {
            TrackerState state = alert.getMessage().getBody(TrackerState.class);
            assertThat(state.gps().speed()).isGreaterThan(80);
            assertThat(simulator.sourceIds()).containsValue(state.sourceId());
        }
    }

    @Test
    void alertsWhenATrackerIsBlocked() {
        MockEndpoint alerts = camelContext.getEndpoint("mock:alerts", MockEndpoint.class);
        long trackerId = simulator.trackerIds().get(0);
        // Block only once subscribed, so the event is not sent before the application listens.
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.activeSubscriptions() > 0);
        simulator.lifecycle(trackerId, "block");

        await().atMost(Duration.ofSeconds(30)).until(() -> !alertsOfKind(alerts, "lifecycle").isEmpty());
        LifecycleChange change = alertsOfKind(alerts, "lifecycle").get(0).getMessage().getBody(LifecycleChange.class);
        assertThat(change.lifecycleEvent()).isEqualTo("block");
        assertThat(change.sourceId()).isEqualTo(simulator.sourceIdOf(trackerId));
    }

    @Test
    void actuatorHealthShowsTheNavixyConsumerSubscribed() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode camel = health().path("components").path("camelHealth").path("details");
            String check = "consumer:" + FleetAlertsRoute.ROUTE_ID;
            assertThat(camel.path(check).asText()).as(camel.toPrettyString()).isEqualTo("UP");
            assertThat(camel.path(check + ".data").path("navixy.state").asText()).isEqualTo("SUBSCRIBED");
            assertThat(camel.path(check + ".data").path("navixy.url").asText()).isEqualTo(simulator.webSocketUrl());
        });
    }

    private static List<Exchange> alertsOfKind(MockEndpoint alerts, String kind) {
        return alerts.getReceivedExchanges().stream()
                .filter(alert -> kind.equals(alert.getMessage().getHeader(FleetAlertsRoute.ALERT_HEADER)))
                .toList();
    }

    private JsonNode health() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}
