package io.github.camelnavixy.consumer;

import io.github.camelnavixy.NavixyConsumer;
import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.support.RecordingExceptionHandler;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hand-off to the route under a flood of work that makes no Exchange (malformed frames, empty batches) around
 * thousands of real events, with a slow route and a pending limit above the worker pool's default queue size: every
 * route step runs on the worker, order is kept, nothing is lost, and the count comes back to zero.
 */
class HandOffUnderFloodTest extends CamelTestSupport {

    private static final int TRACKERS = 10;
    private static final int EVENTS = 3000;
    private static final int MALFORMED = 1500;
    private static final int EMPTY = 1500;

    private Vertx vertx;
    private HttpServer server;
    private final RecordingExceptionHandler errors = new RecordingExceptionHandler();

    @Override
    protected void doPreSetup() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().webSocketHandler(this::serve)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    protected void doPostTearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("errors", errors);
    }

    /** After the subscribe answer, writes the whole flood at once: events, garbage and empty batches interleaved. */
    private void serve(ServerWebSocket socket) {
        socket.textMessageHandler(text -> {
            if (!text.contains("\"subscribe\"")) {
                return;
            }
            socket.writeTextMessage("{\"type\":\"response\",\"action\":\"subscription/subscribe\",\"events\":[\"state_batch\"],"
                    + "\"data\":{\"state_batch\":{\"value\":{}}}}");
            int malformed = 0;
            int empty = 0;
            for (int i = 0; i < EVENTS; i++) {
                long source = 1000 + i % TRACKERS;
                socket.writeTextMessage("{\"type\":\"event\",\"event\":\"state_batch\",\"data\":[{\"type\":\"source_state_event\","
                        + "\"state\":{\"source_id\":" + source + ",\"seq\":" + i + ",\"gps\":{\"speed\":" + (i % 120) + "}}}]}");
                if (malformed < MALFORMED && i % 2 == 0) {
                    socket.writeTextMessage("{\"type\":\"event\",\"event\":\"state_batch\",\"data\":[{broken " + i);
                    malformed++;
                }
                if (empty < EMPTY && i % 2 == 1) {
                    socket.writeTextMessage("{\"type\":\"event\",\"event\":\"state_batch\",\"data\":[]}");
                    empty++;
                }
            }
        });
    }

    @Test
    void floodOfNonEventWorkNeitherRunsTheRouteOnTheEventLoopNorLosesOrReordersEvents() throws Exception {
        List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();
        List<long[]> seen = new CopyOnWriteArrayList<>();
        AtomicInteger delivered = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("navixy:state_batch?apiKey=abc&maxPendingExchanges=5000&exceptionHandler=#errors&webSocketUrl=ws://127.0.0.1:"
                        + server.actualPort() + "/v2/event/subscription")
                        .routeId("navixy")
                        .process(exchange -> {
                            onEventLoop.add(Context.isOnEventLoopThread());
                            TrackerState state = exchange.getMessage().getBody(TrackerState.class);
                            seen.add(new long[] { state.sourceId(), ((Number) state.extra().get("seq")).longValue() });
                            LockSupport.parkNanos(100_000); // a slow route: 0.1 ms per Exchange
                            delivered.incrementAndGet();
                        });
            }
        });
        NavixyConsumer consumer = (NavixyConsumer) context.getRoute("navixy").getConsumer();

        await().atMost(60, TimeUnit.SECONDS).alias("delivered " + delivered + ", errors " + errors.errors().size())
                .until(() -> delivered.get() == EVENTS && errors.errors().size() >= MALFORMED);
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.getPendingExchanges() == 0);

        assertThat(onEventLoop).hasSize(EVENTS).containsOnly(false);
        Map<Long, List<Long>> perTracker = new HashMap<>();
        for (long[] item : seen) {
            perTracker.computeIfAbsent(item[0], k -> new ArrayList<>()).add(item[1]);
        }
        assertThat(perTracker).hasSize(TRACKERS);
        perTracker.values().forEach(sequence -> assertThat(sequence).hasSize(EVENTS / TRACKERS).isSorted());
        assertThat(errors.errors().size()).isEqualTo(MALFORMED);
        assertThat(consumer.isReadingPaused()).isFalse();
    }
}
