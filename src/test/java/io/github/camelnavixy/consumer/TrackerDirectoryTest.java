package io.github.camelnavixy.consumer;

import io.github.camelnavixy.NavixyConstants;
import io.github.camelnavixy.model.TrackerInfo;
import io.github.camelnavixy.rest.NavixyRestException;
import io.github.camelnavixy.rest.NavixyTrackerDirectory;
import io.github.camelnavixy.simulator.TrackerTruth;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** trackerDirectory=true against the simulator: headers, the registry bean, and the refresh rules. */
class TrackerDirectoryTest extends SimulatorRouteTestSupport {

    private final FeedRecorder feed = new FeedRecorder(() -> simulator.connectionsAccepted());

    private void start(String eventTypes, String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(navixy(eventTypes, "baseUrl=" + simulator.baseUrl() + "&trackerDirectory=true"
                        + (options.isEmpty() ? "" : "&" + options))).routeId("navixy").process(feed);
            }
        });
    }

    private NavixyTrackerDirectory directory() {
        return navixyConsumer().getTrackerDirectory();
    }

    @Test
    void everyStateExchangeCarriesTheTrackerIdLabelAndGroup() throws Exception {
        start("state_batch", "");
        await().atMost(10, TimeUnit.SECONDS).until(() -> feed.states().size() >= 50);

        Map<Long, TrackerTruth> truth = simulator.fleet();
        List<FeedRecorder.Seen> states = feed.states();
        assertThat(states).allSatisfy(s -> {
            assertThat(s.trackerId()).as("tracker id of source %d", s.sourceId()).isNotNull();
            assertThat(simulator.sourceIdOf(s.trackerId())).isEqualTo(s.sourceId());
            assertThat(s.label()).isEqualTo(truth.get(s.trackerId()).label());
        });
        assertThat(simulator.restCalls("tracker/list")).as("loaded once, before subscribing").isEqualTo(1);
    }

    @Test
    void groupIdsComeFromTheTrackerList() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(navixy("state_batch", "baseUrl=" + simulator.baseUrl() + "&trackerDirectory=true"))
                        .routeId("navixy").to("mock:events");
            }
        });
        events().expectedMinimumMessageCount(5);
        events().assertIsSatisfied(10_000);
        events().getExchanges().forEach(e -> {
            long trackerId = e.getMessage().getHeader(NavixyConstants.TRACKER_ID, Long.class);
            int index = (int) (trackerId - 1001);
            assertThat(e.getMessage().getHeader(NavixyConstants.GROUP_ID, Long.class))
                    .isEqualTo(index % 3 == 0 ? 0L : index % 3 == 1 ? 201L : 202L);
        });
    }

    @Test
    void readingsExchangesCarryTheSourceIdAndLabel() throws Exception {
        start("readings_batch", "");
        await().atMost(10, TimeUnit.SECONDS).until(() -> feed.all().size() >= 10);

        assertThat(feed.all()).filteredOn(s -> "readings_batch".equals(s.type())).isNotEmpty().allSatisfy(s -> {
            assertThat(s.sourceId()).isEqualTo(simulator.sourceIdOf(s.trackerId()));
            assertThat(s.label()).isEqualTo(simulator.truth(s.trackerId()).label());
        });
    }

    @Test
    void theDirectoryBeanAnswersInARoute() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(navixy("state_batch", "baseUrl=" + simulator.baseUrl() + "&trackerDirectory=true"
                        + "&trackerDirectoryBean=fleetDirectory")).routeId("navixy")
                        .setHeader("label", simple("${bean:fleetDirectory?method=label(${body.sourceId})}"))
                        .to("mock:events");
            }
        });
        events().expectedMinimumMessageCount(5);
        events().assertIsSatisfied(10_000);

        events().getExchanges().forEach(e -> assertThat(e.getMessage().getHeader("label"))
                .isEqualTo(e.getMessage().getHeader(NavixyConstants.TRACKER_LABEL)).isNotNull());
        assertThat(context.getRegistry().lookupByNameAndType("fleetDirectory", NavixyTrackerDirectory.class))
                .isSameAs(directory());
        context.getRouteController().stopRoute("navixy");
        assertThat(context.getRegistry().lookupByName("fleetDirectory")).as("unbound on stop").isNull();
    }

    @Test
    void aTrackerAddedMidRunGetsItsLabelAfterTheUnknownSourceRefresh() throws Exception {
        start("state_batch", "");
        await().atMost(10, TimeUnit.SECONDS).until(() -> directory() != null && directory().isLoaded());

        long added = simulator.addTracker("Bus 99").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        // Its first states come from a source the directory does not know: they make it refresh at once.
        await().atMost(10, TimeUnit.SECONDS).until(() -> feed.states().stream()
                .anyMatch(s -> Long.valueOf(added).equals(s.trackerId()) && "Bus 99".equals(s.label())));
        assertThat(directory().trackerId(simulator.sourceIdOf(added))).isEqualTo(added);
        assertThat(simulator.restCalls("tracker/list")).isEqualTo(2);
    }

    @Test
    void aBlockedTrackerShowsInTheDirectoryAfterItsLifecycleEvent() throws Exception {
        start("state", "trackers=1001,1002");
        await().atMost(10, TimeUnit.SECONDS).until(() -> feed.states().size() >= 2);
        assertThat(directory().tracker(1002L).source().blocked()).isFalse();

        simulator.lifecycle(1002, "block");

        await().atMost(10, TimeUnit.SECONDS).until(() -> directory().tracker(1002L).source().blocked());
        FeedRecorder.Seen lifecycle = feed.all().stream().filter(s -> "lifecycle".equals(s.type())).findFirst().orElseThrow();
        assertThat(lifecycle.trackerId()).isEqualTo(1002L);
        assertThat(lifecycle.label()).isEqualTo(simulator.truth(1002).label());
    }

    @Test
    void aSubscribeResponseNamingAnUnknownTrackerRefreshesAtOnce() throws Exception {
        start("state", "trackers=1001,1002,4242");

        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.restCalls("tracker/list") == 2);
        assertThat(directory().knowsTracker(4242)).isFalse();
    }

    @Test
    void aFailedLoadLetsEventsFlowWithoutTheHeadersReportsOnceAndRetries() throws Exception {
        simulator.failNextRestCalls("tracker/list", 3, 6);
        start("state_batch", "");

        await().atMost(20, TimeUnit.SECONDS).until(() -> feed.states().stream().anyMatch(s -> s.trackerId() != null));
        assertThat(feed.states().get(0).trackerId()).as("the feed did not wait for the directory").isNull();
        assertThat(errors.errorsOf(NavixyRestException.class)).hasSize(1).allMatch(e -> e.code() == 6);
        assertThat(simulator.restCalls("tracker/list")).isEqualTo(4);
    }

    @Test
    void aSourceSharedWithACloneStandsForTheOriginalTracker() throws Exception {
        long clone = simulator.addClone(1002, "Truck 2 (clone)");
        start("state_batch", "");
        await().atMost(10, TimeUnit.SECONDS).until(() -> feed.states().stream().anyMatch(s -> s.trackerId() != null
                && s.trackerId() == 1002));

        long source = simulator.sourceIdOf(1002);
        assertThat(directory().trackersOfSource(source)).extracting(TrackerInfo::id).containsExactly(1002L, clone);
        assertThat(directory().tracker(clone).cloned()).isTrue();
        assertThat(feed.states()).filteredOn(s -> s.sourceId() == source).allMatch(s -> s.trackerId() == 1002);
    }
}
