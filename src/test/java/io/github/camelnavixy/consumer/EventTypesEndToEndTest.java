package io.github.camelnavixy.consumer;

import io.github.camelnavixy.NavixyConstants;
import io.github.camelnavixy.model.IotLastValues;
import io.github.camelnavixy.model.LifecycleChange;
import io.github.camelnavixy.model.TrackerReadings;
import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every event type arrives end to end as a typed Exchange with the contract's headers. */
class EventTypesEndToEndTest extends SimulatorRouteTestSupport {

    private String ids(int count) {
        return String.join(",", simulator.trackerIds().stream().limit(count).map(String::valueOf).toList());
    }



    @Test
    void stateBatchItemsBecomeTrackerStatesWithBatchHeaders() throws Exception {
        events().expectedMinimumMessageCount(simulator.trackerIds().size());
        route(navixy("state_batch", "rateLimit=1s"));
        events().assertIsSatisfied(10_000);

        Exchange first = events().getReceivedExchanges().get(0);
        TrackerState state = first.getMessage().getBody(TrackerState.class);
        assertThat(state.sourceId()).isIn(simulator.sourceIds().values());
        assertThat(state.gps().location().lat()).isNotNull();
        assertThat(first.getMessage().getHeader(NavixyConstants.EVENT_TYPE)).isEqualTo("state_batch");
        assertThat(first.getMessage().getHeader(NavixyConstants.SOURCE_ID)).isEqualTo(state.sourceId());
        assertThat(first.getMessage().getHeader(NavixyConstants.BATCH_INDEX)).isEqualTo(0);
        assertThat(first.getMessage().getHeader(NavixyConstants.BATCH_SIZE, Integer.class)).isEqualTo(simulator.trackerIds().size());
    }

    @Test
    void stateEventsCarryOneTrackerStateEach() throws Exception {
        events().expectedMinimumMessageCount(2);
        route(navixy("state", "trackers=" + ids(2)));
        events().assertIsSatisfied(10_000);

        Exchange exchange = events().getReceivedExchanges().get(0);
        assertThat(exchange.getMessage().getBody()).isInstanceOf(TrackerState.class);
        assertThat(exchange.getMessage().getHeader(NavixyConstants.EVENT_TYPE)).isEqualTo("state");
        assertThat(exchange.getMessage().getHeader(NavixyConstants.SOURCE_ID)).isNotNull();
        assertThat(exchange.getMessage().getHeader(NavixyConstants.BATCH_INDEX)).isNull();
    }

    @Test
    void readingsBatchItemsBecomeTrackerReadings() throws Exception {
        events().expectedMinimumMessageCount(simulator.trackerIds().size());
        route(navixy("readings_batch", "rateLimit=1s"));
        events().assertIsSatisfied(10_000);

        Exchange exchange = events().getReceivedExchanges().get(0);
        TrackerReadings readings = exchange.getMessage().getBody(TrackerReadings.class);
        assertThat(readings.trackerId()).isIn(simulator.trackerIds());
        assertThat(readings.inputs()).isNotEmpty();
        assertThat(exchange.getMessage().getHeader(NavixyConstants.EVENT_TYPE)).isEqualTo("readings_batch");
        assertThat(exchange.getMessage().getHeader(NavixyConstants.TRACKER_ID)).isEqualTo(readings.trackerId());
        assertThat(exchange.getMessage().getHeader(NavixyConstants.BATCH_SIZE)).isNotNull();
    }

    @Test
    void iotMonitorItemsBecomeLastValuesPerTracker() throws Exception {
        events().expectedMinimumMessageCount(2);
        route(navixy("iot_monitor", "trackers=" + ids(2) + "&flowId=1"));
        events().assertIsSatisfied(10_000);

        Exchange exchange = events().getReceivedExchanges().get(0);
        IotLastValues values = exchange.getMessage().getBody(IotLastValues.class);
        assertThat(values.trackerId()).isIn(simulator.trackerIds());
        assertThat(values.nonnullFields()).isNotEmpty();
        assertThat(exchange.getMessage().getHeader(NavixyConstants.EVENT_TYPE)).isEqualTo("iot_monitor");
        assertThat(exchange.getMessage().getHeader(NavixyConstants.TRACKER_ID)).isEqualTo(values.trackerId());
    }

    @Test
    void lifecycleChangesArriveAsLifecycleExchanges() throws Exception {
        route(navixy("state_batch", "rateLimit=1s"));
        awaitSubscribed();
        long tracker = simulator.trackerIds().get(0);
        simulator.lifecycle(tracker, "block").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        await().atMost(10, TimeUnit.SECONDS).until(() -> lifecycleExchanges().size() >= 1);
        Exchange exchange = lifecycleExchanges().get(0);
        LifecycleChange change = exchange.getMessage().getBody(LifecycleChange.class);
        assertThat(change.lifecycleEvent()).isEqualTo("block");
        assertThat(change.sourceId()).isEqualTo(simulator.sourceIdOf(tracker));
        assertThat(exchange.getMessage().getHeader(NavixyConstants.SOURCE_ID)).isEqualTo(change.sourceId());
    }

    @Test
    void logoutArrivesWithTheReasonAsBody() throws Exception {
        route(navixy("state_batch", "rateLimit=1s"));
        awaitSubscribed();
        simulator.logout("session closed");

        await().atMost(10, TimeUnit.SECONDS).until(() -> exchangesOf("logout").size() >= 1);
        assertThat(exchangesOf("logout").get(0).getMessage().getBody()).isEqualTo("session closed");
    }

    @Test
    void unknownEventsArriveAsRawJsonWithTheirName() throws Exception {
        route(navixy("state_batch", "rateLimit=1s"));
        awaitSubscribed();
        String frame = "{\"type\":\"event\",\"event\":\"geofence_alert\",\"data\":{\"zone\":7}}";
        simulator.sendRaw(frame);

        await().atMost(10, TimeUnit.SECONDS).until(() -> exchangesOf("geofence_alert").size() >= 1);
        assertThat(exchangesOf("geofence_alert").get(0).getMessage().getBody(String.class)).isEqualTo(frame);
    }

    @Test
    void splitBatchFalseGivesOneExchangeWithAListBody() throws Exception {
        events().expectedMinimumMessageCount(1);
        route(navixy("state_batch", "rateLimit=1s&splitBatch=false"));
        events().assertIsSatisfied(10_000);

        Exchange exchange = events().getReceivedExchanges().get(0);
        List<?> body = exchange.getMessage().getBody(List.class);
        assertThat(body).hasSize(simulator.trackerIds().size()).allMatch(TrackerState.class::isInstance);
        assertThat(exchange.getMessage().getHeader(NavixyConstants.BATCH_SIZE)).isEqualTo(body.size());
    }

    private void awaitSubscribed() {
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.activeSubscriptions() >= 1);
    }

    private List<Exchange> lifecycleExchanges() {
        return exchangesOf("lifecycle");
    }

    private List<Exchange> exchangesOf(String type) {
        return events().getReceivedExchanges().stream()
                .filter(e -> type.equals(e.getMessage().getHeader(NavixyConstants.EVENT_TYPE)))
                .toList();
    }
}
