package io.github.camelnavixy.kamelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnavixy.NavixyConstants;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code navixy-source} Kamelet shipped in the jar ({@code classpath:kamelets/navixy-source.kamelet.yaml}), run
 * with camel-kamelet and the YAML DSL against the simulator: JSON text bodies in Navixy's field names, and a
 * {@code key} header naming the vehicle.
 */
class NavixySourceKameletTest extends SimulatorRouteTestSupport {

    private final ObjectMapper json = new ObjectMapper();

    private String kamelet(String options) {
        return "kamelet:navixy-source?apiKey=" + simulator.apiKey() + "&baseUrl=" + simulator.baseUrl()
                + (options.isEmpty() ? "" : "&" + options);
    }

    @Test
    void stateBatchItemsComeOutAsJsonKeyedBySourceId() throws Exception {
        route(kamelet("rateLimit=1s"));
        MockEndpoint events = events();
        events.expectedMinimumMessageCount(5);
        events.setResultWaitTime(TimeUnit.SECONDS.toMillis(20));
        events.assertIsSatisfied();

        for (Exchange exchange : events.getReceivedExchanges()) {
            Object body = exchange.getMessage().getBody();
            assertThat(body).isInstanceOf(String.class);
            JsonNode state = json.readTree((String) body);
            long sourceId = state.path("source_id").asLong();
            assertThat(simulator.sourceIds()).containsValue(sourceId);
            assertThat(state.path("gps").path("location").path("lat").isNumber()).as(body.toString()).isTrue();
            assertThat(exchange.getMessage().getHeader("key")).isEqualTo(Long.toString(sourceId));
            assertThat(exchange.getMessage().getHeader(NavixyConstants.EVENT_TYPE)).isEqualTo("state_batch");
        }
    }

    @Test
    void readingsComeOutAsJsonKeyedByTrackerId() throws Exception {
        route(kamelet("eventTypes=readings_batch&rateLimit=1s"));
        MockEndpoint events = events();
        events.expectedMinimumMessageCount(1);
        events.setResultWaitTime(TimeUnit.SECONDS.toMillis(20));
        events.assertIsSatisfied();

        Exchange first = events.getReceivedExchanges().get(0);
        JsonNode readings = json.readTree(first.getMessage().getBody(String.class));
        long trackerId = readings.path("tracker_id").asLong();
        assertThat(simulator.trackerIds()).contains(trackerId);
        assertThat(first.getMessage().getHeader("key")).isEqualTo(Long.toString(trackerId));
    }

    @Test
    void lifecycleChangesAreKeyedBySourceId() throws Exception {
        route(kamelet("rateLimit=1s"));
        long tracker = simulator.trackerIds().get(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> events().getReceivedCounter() > 0); // subscribed

        simulator.lifecycle(tracker, "block");
        Exchange change = await().atMost(Duration.ofSeconds(20)).until(() -> events().getReceivedExchanges().stream()
                .filter(e -> "lifecycle".equals(e.getMessage().getHeader(NavixyConstants.EVENT_TYPE)))
                .findFirst(), Optional::isPresent).get();

        JsonNode body = json.readTree(change.getMessage().getBody(String.class));
        assertThat(body.path("lifecycle_event").asText()).isEqualTo("block");
        assertThat(body.path("source_id").asLong()).isEqualTo(simulator.sourceIdOf(tracker));
        assertThat(change.getMessage().getHeader("key")).isEqualTo(Long.toString(simulator.sourceIdOf(tracker)));
    }
}
