package io.github.camelnavixy.examples.livefeed;

import io.github.camelnavixy.model.TrackerState;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One subscription to the fleet's tracker states, printed as a few kinds of line: speeding alerts, movement changes
 * (moving / stopped / parked) and lifecycle changes (tracker blocked, unblocked, removed).
 *
 * <p>The endpoint takes its credentials from the {@code navixy.apiKey} property; where to connect ({@code baseUrl})
 * is set on the component, see {@link LiveFeedApp}.
 */
public class LiveFeedRoutes extends RouteBuilder {

    /**
     * Every tracker's state once a second; the first batch holds the whole fleet. With the tracker directory, each
     * state carries the vehicle's label ("Truck 12") next to the source id the feed names it by.
     */
    public static final String FEED_URI = "navixy:state_batch?apiKey={{navixy.apiKey}}&rateLimit=1s&trackerDirectory=true";

    private final FleetWatch watch = new FleetWatch();
    private final String tapUri;

    /** The console lines only. */
    public LiveFeedRoutes() {
        this(null);
    }

    /** @param tapUri where every event also goes before it is printed (the fleet page), or {@code null} */
    public LiveFeedRoutes(String tapUri) {
        this.tapUri = tapUri;
    }

    @Override
    public void configure() {
        RouteDefinition route = from(FEED_URI).routeId("live-feed");
        if (tapUri != null) {
            route.to(tapUri).id("tap"); // synchronous: the tap sees the events in their order
        }
        route
            .choice()
                // lifecycle events arrive on every subscription, whatever it asked for
                .when(simple("${header.CamelNavixyEventType} == 'lifecycle'"))
                    .log("LIFECYCLE ${header.CamelNavixyTrackerLabel} (source ${body.sourceId}): ${body.lifecycleEvent}").id("lifecycle-change")
                // a logout (body: the reason text) or an event this version does not know (body: the raw JSON)
                .when(simple("${header.CamelNavixyEventType} != 'state_batch'"))
                    .log("EVENT     ${header.CamelNavixyEventType}: ${body}").id("other-event")
                // from here on the body is a TrackerState
                .when(simple("${body.gps.speed} > 80"))
                    .filter(method(watch, "startedSpeeding")) // one alert per spell, not one per report
                        .log("SPEEDING  ${header.CamelNavixyTrackerLabel} (source ${body.sourceId}): ${body.gps.speed} km/h"
                                + " at ${body.gps.location.lat}, ${body.gps.location.lng}").id("speeding-alert")
                    .end()
                .endChoice()
                .otherwise()
                    .filter(method(watch, "movementChanged"))
                        .log("MOVEMENT  ${header.CamelNavixyTrackerLabel} (source ${body.sourceId}): ${body.movementStatus}, ${body.gps.speed} km/h,"
                                + " ignition ${body.ignition}").id("movement-change")
                    .end()
            .end();
    }

    /** Remembers, per tracker, whether it is speeding and its last movement status, so only changes are printed. */
    public static class FleetWatch {

        private final Set<Long> speeding = ConcurrentHashMap.newKeySet();
        private final Map<Long, String> movement = new ConcurrentHashMap<>();

        /** For a report over the limit: true when the tracker was not speeding before. */
        public boolean startedSpeeding(TrackerState state) {
            movement.put(state.sourceId(), String.valueOf(state.movementStatus()));
            return speeding.add(state.sourceId());
        }

        /** For a report at or under the limit: ends a speeding spell; true when the movement status changed. */
        public boolean movementChanged(TrackerState state) {
            speeding.remove(state.sourceId());
            return !String.valueOf(state.movementStatus())
                    .equals(movement.put(state.sourceId(), String.valueOf(state.movementStatus())));
        }
    }
}
