package io.github.camelnavixy.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnavixy.simulator.NavixySimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A key the server refuses must not stop the application from starting (the consumer connects in the background);
 * health says DOWN and why. The profile wrong-key overrides the key of application.properties.
 */
@SpringBootTest(classes = NavixyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("wrong-key")
@DirtiesContext
class WrongApiKeyHealthTest {

    static NavixySimulator simulator;

    @DynamicPropertySource
    static void navixyServer(DynamicPropertyRegistry registry) {
        simulator = NavixySimulator.builder().apiKey(ApplicationPropertiesConnectTest.API_KEY).build().start();
        registry.add("camel.component.navixy.base-url", simulator::baseUrl);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void startsAndReportsTheRefusedKeyAsDown() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode health = ActuatorHealth.read(port);
            JsonNode consumer = ActuatorHealth.consumer(health, NavixyTestApplication.ROUTE_ID);
            assertThat(health.path("status").asText()).as(health.toPrettyString()).isEqualTo("DOWN");
            assertThat(consumer.path("state").asText()).isEqualTo("DOWN");
            assertThat(consumer.path("data").path("navixy.state").asText()).isEqualTo("FAILED");
            assertThat(consumer.path("data").path("navixy.lastError").asText()).isNotBlank();
        });
        JsonNode consumer = ActuatorHealth.consumer(ActuatorHealth.read(port), NavixyTestApplication.ROUTE_ID);
        System.out.println("DOWN reason: " + consumer.path("data").toPrettyString());
    }
}
