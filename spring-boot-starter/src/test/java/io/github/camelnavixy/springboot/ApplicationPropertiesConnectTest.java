package io.github.camelnavixy.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.simulator.NavixySimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reported bug: camel.component.navixy.api-key in application.properties was never applied, so the context failed
 * with "No credentials". Here the route names no credentials; the key comes from src/test/resources/
 * application.properties, the simulator's URL (a free port) from @DynamicPropertySource.
 */
@SpringBootTest(classes = NavixyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ApplicationPropertiesConnectTest {

    /** The key in src/test/resources/application.properties: the only one this simulator accepts. */
    static final String API_KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    static NavixySimulator simulator;

    @DynamicPropertySource
    static void navixyServer(DynamicPropertyRegistry registry) {
        simulator = NavixySimulator.builder().apiKey(API_KEY).fleetSize(5)
                .tickInterval(Duration.ofMillis(100)).build().start();
        registry.add("camel.component.navixy.base-url", simulator::baseUrl);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Autowired
    NavixyTestApplication.ReceivedEvents received;

    @Value("${local.server.port}")
    int port;

    @Test
    void receivesTrackerStatesWithCredentialsFromApplicationProperties() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !received.bodies.isEmpty());
        assertThat(received.bodies.get(0)).isInstanceOf(TrackerState.class);
        assertThat(simulator.sourceIds().values()).contains(((TrackerState) received.bodies.get(0)).sourceId());
    }

    @Test
    void actuatorHealthShowsTheNavixyConsumerUp() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode health = ActuatorHealth.read(port);
            JsonNode consumer = ActuatorHealth.consumer(health, NavixyTestApplication.ROUTE_ID);
            assertThat(health.path("status").asText()).as(health.toPrettyString()).isEqualTo("UP");
            assertThat(consumer.path("state").asText()).isEqualTo("UP");
            assertThat(consumer.path("data").path("navixy.state").asText()).isEqualTo("SUBSCRIBED");
        });
    }
}
