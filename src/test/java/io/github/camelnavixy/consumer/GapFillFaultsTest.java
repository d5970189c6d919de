package io.github.camelnavixy.consumer;

import io.github.camelnavixy.NavixyConsumer;
import io.github.camelnavixy.rest.NavixyRestException;
import io.github.camelnavixy.simulator.NavixySimulator;
import io.github.camelnavixy.simulator.TrackPointTruth;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gap fill when REST misbehaves or the consumer is disturbed mid-fill: rate limiting (15), refused windows (211),
 * a stop while a track/read is in flight, and a second outage while the first gap is still being filled. Cuts last
 * {@value #CUT_MILLIS} ms here (enough for every tracker to move) to keep each test short.
 */
class GapFillFaultsTest extends SimulatorRouteTestSupport {

    private static final long CUT_MILLIS = 2500;
    private static final int TRACKERS = 3;

    private final FeedRecorder feed = new FeedRecorder(() -> simulator.connectionsAccepted());

    @Override
    protected NavixySimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().fleetSize(TRACKERS);
    }

    private NavixyConsumer start() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(navixy("state_batch", "baseUrl=" + simulator.baseUrl() + "&trackerDirectory=true&gapFill=true"
                        + "&reconnectDelay=100ms&reconnectMaxDelay=300ms")).routeId("navixy").process(feed);
            }
        });
        await().atMost(15, TimeUnit.SECONDS).until(() -> feed.lastLiveTime(1).size() == TRACKERS);
        return navixyConsumer();
    }

    /** Cuts the feed for {@link #CUT_MILLIS} and waits until the consumer is back and has seen every snapshot. */
    private void cut() {
        long accepted = simulator.connectionsAccepted();
        simulator.refuseConnections();
        simulator.dropConnections();
        await().during(Duration.ofMillis(CUT_MILLIS)).atMost(CUT_MILLIS + 5000, TimeUnit.MILLISECONDS)
                .until(() -> simulator.connectionsAccepted() == accepted);
        simulator.acceptConnections();
        await().atMost(15, TimeUnit.SECONDS).until(() -> feed.firstLiveTime(accepted + 1).size() == TRACKERS);
    }

    /** What the route should get for a tracker: for each reconnect, the recorded points between last seen and the snapshot. */
    private List<Instant> expectedReplay(long trackerId) {
        List<Instant> expected = new ArrayList<>();
        long epochs = simulator.connectionsAccepted();
        for (long epoch = 2; epoch <= epochs; epoch++) {
            Instant before = null;
            for (long e = 1; e < epoch; e++) {
                Instant last = feed.lastLiveTime(e).get(trackerId);
                if (last != null && (before == null || last.isAfter(before))) {
                    before = last;
                }
            }
            Instant after = feed.firstLiveTime(epoch).get(trackerId);
            if (before != null && after != null && after.isAfter(before)) {
                simulator.trackHistory(trackerId, before, after).stream().map(TrackPointTruth::gpsTime).forEach(expected::add);
            }
        }
        return expected;
    }

    /**
     * Waits until the fill has made at least {@code trackReads} requests and everything read reached the route. The
     * request count matters: right after a reconnect the fill may not have queued its windows yet, and an empty fill
     * looks just like a finished one.
     */
    private void awaitFillDone(NavixyConsumer consumer, long trackReads) {
        await().atMost(30, TimeUnit.SECONDS).until(() -> simulator.restCalls("track/read") >= trackReads
                && consumer.getGapFillBacklog() == 0
                && consumer.getPendingExchanges() == 0 && feed.trackPoints().size() == consumer.getGapFillPointCount());
    }

    @Test
    void backsOffOnTooManyRequestsAndStillDeliversEveryPoint() throws Exception {
        NavixyConsumer consumer = start();
        simulator.failNextRestCalls("track/read", 2, NavixyRestException.TOO_MANY_REQUESTS);

        cut();
        awaitFillDone(consumer, TRACKERS + 2);

        for (long id : simulator.trackerIds()) {
            assertThat(feed.replayedTimes(id)).as("tracker %d", id).isNotEmpty().containsExactlyElementsOf(expectedReplay(id));
        }
        assertThat(simulator.restCalls("track/read")).isEqualTo(TRACKERS + 2);
        assertThat(errors.errors()).isEmpty();
    }

    @Test
    void reportsARefusedWindowOncePerTrackerAndTheLiveFeedGoesOn() throws Exception {
        NavixyConsumer consumer = start();
        simulator.failNextRestCalls("track/read", 100, NavixyRestException.TIME_SPAN_TOO_BIG);

        cut();
        awaitFillDone(consumer, TRACKERS);
        cut();
        awaitFillDone(consumer, 2 * TRACKERS);

        assertThat(simulator.restCalls("track/read")).isEqualTo(2 * TRACKERS);
        assertThat(feed.trackPoints()).isEmpty();
        assertThat(errors.errorsOf(NavixyRestException.class)).hasSize(TRACKERS)
                .allMatch(e -> e.code() == NavixyRestException.TIME_SPAN_TOO_BIG);
        long statesAfter = feed.states().stream().filter(s -> s.epoch() == 3).count();
        await().atMost(5, TimeUnit.SECONDS).until(() -> feed.states().stream().filter(s -> s.epoch() == 3).count() > statesAfter);
    }

    @Test
    void aStopDuringAFillDeliversNothingAfterwards() throws Exception {
        start();
        simulator.slowRest("track/read", Duration.ofMillis(2000));

        cut();
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.restCalls("track/read") >= 1);
        context.getRouteController().stopRoute("navixy");
        int seenAtStop = feed.all().size();

        // The slow answer arrives while the route is stopped: nothing of it may reach the route.
        await().during(Duration.ofMillis(3000)).atMost(5, TimeUnit.SECONDS).until(() -> feed.all().size() == seenAtStop);
        assertThat(feed.trackPoints()).isEmpty();
        assertThat(simulator.restCalls("track/read")).as("no request after the stop").isEqualTo(1);
    }

    @Test
    void aSecondOutageDuringAFillLosesNothingAndRepeatsNothing() throws Exception {
        NavixyConsumer consumer = start();
        simulator.slowRest("track/read", Duration.ofMillis(1500));

        cut();
        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.restCalls("track/read") >= 1);
        assertThat(consumer.getGapFillBacklog()).as("the first fill is still running").isPositive();
        cut();
        awaitFillDone(consumer, 2 * TRACKERS);

        assertThat(simulator.restCalls("track/read")).isEqualTo(2 * TRACKERS);
        for (long id : simulator.trackerIds()) {
            List<Instant> replayed = feed.replayedTimes(id);
            assertThat(replayed).as("tracker %d", id).isSorted().doesNotHaveDuplicates()
                    .containsExactlyElementsOf(expectedReplay(id));
        }
    }
}
