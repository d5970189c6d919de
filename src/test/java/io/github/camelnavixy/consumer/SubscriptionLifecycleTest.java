package io.github.camelnavixy.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelnavixy.simulator.NavixySimulator;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the consumer says to the server: Atmosphere connect, heartbeats, subscribe on open, unsubscribe on stop. */
class SubscriptionLifecycleTest extends SimulatorRouteTestSupport {

    @Override
    protected NavixySimulator.Builder simulatorBuilder() {
        // A short client heartbeat in the handshake, so the test sees the consumer honour it.
        return super.simulatorBuilder().clientHeartbeat(Duration.ofMillis(200));
    }



    @Test
    void subscribesOnceWithOneRequestPerEventTypeAfterTheHandshake() throws Exception {
        route(navixy("state_batch,readings_batch", "rateLimit=5s&trackers=" + simulator.trackerIds().get(0)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() >= 1);

        List<JsonNode> subscribes = requests("subscribe");
        assertThat(subscribes).hasSize(1);
        JsonNode subscribe = subscribes.get(0);
        assertThat(subscribe.path("hash").asText()).isEqualTo(simulator.apiKey());
        assertThat(subscribe.path("iso_datetime").asBoolean()).isTrue();
        assertThat(subscribe.path("requests")).hasSize(2);
        assertThat(subscribe.at("/requests/0/type").asText()).isEqualTo("state_batch");
        assertThat(subscribe.at("/requests/0/target/type").asText()).isEqualTo("selected");
        assertThat(subscribe.at("/requests/0/rate_limit").asText()).isEqualTo("5s");
        assertThat(subscribe.at("/requests/1/type").asText()).isEqualTo("readings_batch");
    }

    @Test
    void connectsWithAtmosphereParametersThatEarnAHandshake() throws Exception {
        route(navixy("state_batch", null));
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() >= 1);
        // The simulator, like Atmosphere, sends the handshake only for tracking id 0, X-atmo-protocol and a valid version.
        assertThat(simulator.connections().get(0).handshakeSent()).isTrue();
    }

    @Test
    void sendsHeartbeatsAtTheHandshakeInterval() throws Exception {
        route(navixy("state_batch", null));
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.heartbeatsReceived() >= 2);
        assertThat(simulator.receivedFrames()).contains("X");
    }

    @Test
    void unsubscribesWhenTheRouteStops() throws Exception {
        route(navixy("state_batch", "rateLimit=1s"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() >= 1);

        context.getRouteController().stopRoute("navixy");

        List<JsonNode> unsubscribes = requests("unsubscribe");
        assertThat(unsubscribes).hasSize(1);
        assertThat(unsubscribes.get(0).path("requests")).isEqualTo(requests("subscribe").get(0).path("requests"));
        await().atMost(5, TimeUnit.SECONDS).until(() -> simulator.openConnections() == 0);
    }

    @Test
    void startingTheRouteDoesNotWaitForTheNetwork() throws Exception {
        simulator.refuseConnections();
        long started = System.nanoTime();
        route(navixy("state_batch", "reconnectDelay=100ms"));
        assertThat(context.getRouteController().getRouteStatus("navixy").isStarted()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        simulator.acceptConnections();
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() >= 1);
    }
}
