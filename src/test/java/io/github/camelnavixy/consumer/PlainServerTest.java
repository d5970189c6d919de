package io.github.camelnavixy.consumer;

import io.github.camelnavixy.NavixyConsumer;
import io.github.camelnavixy.client.ConnectionState;
import io.github.camelnavixy.model.TrackerState;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a server that is not Atmosphere (no handshake, no heartbeats), the consumer still subscribes and reads
 * events: the handshake is honoured when it comes, never required.
 */
class PlainServerTest extends CamelTestSupport {

    private static final String EVENT = "{\"type\":\"event\",\"event\":\"state_batch\",\"data\":[{\"source_id\":77,"
            + "\"gps\":{\"location\":{\"lat\":52.5,\"lng\":13.4},\"speed\":91}}]}";

    private Vertx vertx;
    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile String subscribeAnswer = "{\"type\":\"response\",\"action\":\"subscription/subscribe\",\"events\":[\"state_batch\"],"
            + "\"data\":{\"state_batch\":{\"value\":{\"5\":\"normal\"}}}}";

    @Override
    protected void doPreSetup() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .webSocketHandler(this::serve)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    protected void doPostTearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Answers a subscribe with a response and one batch; says nothing before it. */
    private void serve(ServerWebSocket socket) {
        socket.textMessageHandler(text -> {
            received.add(text);
            if (text.contains("\"subscribe\"")) {
                socket.writeTextMessage(subscribeAnswer);
                socket.writeTextMessage(EVENT);
            }
        });
    }

    @Test
    void doesNotClaimASubscriptionTheServerRefused() throws Exception {
        subscribeAnswer = "{\"type\":\"response\",\"action\":\"subscription/subscribe\",\"events\":[\"state_batch\"],"
                + "\"data\":{\"state_batch\":{\"success\":false}}}";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("navixy:state_batch?apiKey=abc&webSocketUrl=ws://127.0.0.1:" + server.actualPort() + "/v2/event/subscription")
                        .routeId("navixy").to("mock:events");
            }
        });
        NavixyConsumer consumer = (NavixyConsumer) context.getRoute("navixy").getConsumer();
        org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS)
                .until(() -> consumer.getConnectionSnapshot() != null && consumer.getConnectionSnapshot().lastError() != null);
        assertThat(consumer.getConnectionState()).isEqualTo(ConnectionState.SUBSCRIBING);
        assertThat(consumer.getConnectionSnapshot().lastError()).contains("accepted none");
    }

    @Test
    void subscribesWithoutAHandshakeAndDeliversEvents() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("navixy:state_batch?apiKey=abc&webSocketUrl=ws://127.0.0.1:" + server.actualPort() + "/v2/event/subscription")
                        .to("mock:events");
            }
        });
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        events.assertIsSatisfied(10_000);

        TrackerState state = events.getReceivedExchanges().get(0).getMessage().getBody(TrackerState.class);
        assertThat(state.sourceId()).isEqualTo(77L);
        assertThat(state.gps().speed()).isEqualTo(91);
        assertThat(received).anyMatch(text -> text.contains("\"action\":\"subscribe\""));
        assertThat(received).noneMatch("X"::equals); // no heartbeats to a server that never asked for them
    }
}
