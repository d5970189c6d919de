package io.github.camelnavixy.consumer;

import io.github.camelnavixy.NavixyErrorResponseException;
import io.github.camelnavixy.client.ConnectionState;
import io.github.camelnavixy.client.NavixyAuthenticationException;
import io.github.camelnavixy.protocol.MalformedFrameException;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bad input is reported through Camel's exception handling and loses nothing; refused credentials stop retrying. */
class ErrorReportingTest extends SimulatorRouteTestSupport {



    @Test
    void reportsAMalformedFrameAndKeepsTheStreamGoing() throws Exception {
        route(navixy("state_batch", "rateLimit=1s"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() >= 1);
        int before = getMockEndpoint("mock:events").getReceivedCounter();

        simulator.sendRaw("{\"type\":\"event\",\"event\":\"state_batch\",\"data\":[{\"source_id\":");

        await().atMost(10, TimeUnit.SECONDS).until(() -> !errors.errorsOf(MalformedFrameException.class).isEmpty());
        MalformedFrameException error = errors.errorsOf(MalformedFrameException.class).get(0);
        assertThat(error.getMessage()).contains("\"event\":\"state_batch\"");
        // The stream goes on: later batches still arrive, on the same connection.
        await().atMost(10, TimeUnit.SECONDS).until(() -> getMockEndpoint("mock:events").getReceivedCounter() > before + 5);
        assertThat(simulator.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void reportsAMalformedFrameThroughTheRouteErrorHandlerWhenBridged() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(MalformedFrameException.class).handled(true).to("mock:malformed");
                from("navixy:state_batch?bridgeErrorHandler=true&apiKey=" + simulator.apiKey() + "&webSocketUrl="
                        + simulator.webSocketUrl()).routeId("navixy").to("mock:events");
            }
        });
        getMockEndpoint("mock:malformed").expectedMessageCount(1);
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() >= 1);
        simulator.sendRaw("not json at all {");
        getMockEndpoint("mock:malformed").assertIsSatisfied(10_000);
    }

    @Test
    void reportsOtherErrorResponsesAndStaysConnected() throws Exception {
        simulator.failNextSubscribes(1, 7);
        route(navixy("state_batch", "reconnectDelay=100ms&reconnectMaxDelay=300ms"));

        await().atMost(10, TimeUnit.SECONDS).until(() -> !errors.errorsOf(NavixyErrorResponseException.class).isEmpty());
        assertThat(errors.errorsOf(NavixyErrorResponseException.class).get(0).getCode()).isEqualTo(7);
        // The refused subscribe is tried again (after reconnectMaxDelay): subscribed, and events flow.
        await().atMost(10, TimeUnit.SECONDS).until(() -> navixyConsumer().getConnectionState() == ConnectionState.SUBSCRIBED);
        int received = events().getReceivedCounter();
        await().atMost(10, TimeUnit.SECONDS).until(() -> events().getReceivedCounter() > received);
        assertThat(errors.errorsOf(NavixyErrorResponseException.class)).hasSize(1);
    }

    @Test
    void stopsRetryingWhenTheApiKeyIsRefused() throws Exception {
        route("navixy:state_batch?apiKey=00000000000000000000000000000000&webSocketUrl=" + simulator.webSocketUrl()
                + "&exceptionHandler=#recordingErrors&reconnectDelay=100ms");

        await().atMost(10, TimeUnit.SECONDS).until(() -> !errors.errorsOf(NavixyAuthenticationException.class).isEmpty());
        NavixyAuthenticationException error = errors.errorsOf(NavixyAuthenticationException.class).get(0);
        assertThat(error.code()).isEqualTo(3);
        assertThat(error.getMessage()).doesNotContain("00000000000000000000000000000000");
        assertThat(navixyConsumer().getConnectionState()).isEqualTo(ConnectionState.FAILED);
        // No reconnect storm: the one connection stays the only one.
        await().during(Duration.ofMillis(500)).atMost(2, TimeUnit.SECONDS).until(() -> simulator.connectionsAccepted() == 1);
    }

    @Test
    void logsInOnceMoreAfterALogoutAndResubscribes() throws Exception {
        route("navixy:state_batch?login=" + NAVIXY_LOGIN + "&password=" + NAVIXY_PASSWORD + "&baseUrl=" + simulator.baseUrl()
                + "&webSocketUrl=" + simulator.webSocketUrl() + "&exceptionHandler=#recordingErrors");
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() >= 1);

        simulator.logout();

        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.subscribeCount() >= 2 && simulator.activeSubscriptions() >= 1);
        assertThat(navixyConsumer().getConnectionState()).isEqualTo(ConnectionState.SUBSCRIBED);
        assertThat(errors.errorsOf(NavixyAuthenticationException.class)).isEmpty();
    }

    @Test
    void stopsRetryingWhenTheLoginIsRefused() throws Exception {
        route("navixy:state_batch?login=" + NAVIXY_LOGIN + "&password=wrong-password&baseUrl=" + simulator.baseUrl()
                + "&webSocketUrl=" + simulator.webSocketUrl() + "&exceptionHandler=#recordingErrors&reconnectDelay=100ms");

        await().atMost(10, TimeUnit.SECONDS).until(() -> !errors.errorsOf(NavixyAuthenticationException.class).isEmpty());
        NavixyAuthenticationException error = errors.errorsOf(NavixyAuthenticationException.class).get(0);
        assertThat(error.code()).isEqualTo(102);
        assertThat(error.getMessage()).doesNotContain("wrong-password");
        assertThat(navixyConsumer().getConnectionState()).isEqualTo(ConnectionState.FAILED);
        await().during(Duration.ofMillis(300)).atMost(2, TimeUnit.SECONDS).until(() -> simulator.connectionsAccepted() == 0);
    }

    @Test
    void keepsAndReportsTheTrackerStatusesOfTheSubscribeResponse() throws Exception {
        long blocked = simulator.trackerIds().get(0);
        simulator.setBlocked(java.util.List.of(blocked));
        route(navixy("state_batch", "trackers=" + blocked + "," + simulator.trackerIds().get(1) + ",999999"));

        await().atMost(10, TimeUnit.SECONDS).until(() -> navixyConsumer().getConnectionState() == ConnectionState.SUBSCRIBED);
        var statuses = navixyConsumer().getConnectionSnapshot().trackerStatuses().get("state_batch");
        assertThat(statuses).containsEntry(blocked, io.github.camelnavixy.protocol.TrackerStatus.BLOCKED)
                .containsEntry(simulator.trackerIds().get(1), io.github.camelnavixy.protocol.TrackerStatus.NORMAL)
                .containsEntry(999999L, io.github.camelnavixy.protocol.TrackerStatus.UNKNOWN);
    }

    private static final String NAVIXY_LOGIN = io.github.camelnavixy.simulator.NavixySimulator.DEFAULT_LOGIN;
    private static final String NAVIXY_PASSWORD = io.github.camelnavixy.simulator.NavixySimulator.DEFAULT_PASSWORD;
}
