package io.github.camelnavixy.consumer;

import io.github.camelnavixy.NavixyConstants;
import io.github.camelnavixy.model.LifecycleChange;
import io.github.camelnavixy.model.NavixyJson;
import io.github.camelnavixy.model.TrackerState;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every filter of docs/guide/recipes.md, evaluated exactly as written there (the last test checks that the guide
 * still quotes each one verbatim) against Exchanges shaped as the consumer delivers them: a {@link TrackerState} or
 * {@link LifecycleChange} body with the {@code CamelNavixy*} headers.
 */
class RecipesTest extends CamelTestSupport {

    static final String SPEEDING = "${header.CamelNavixyEventType} == 'state_batch' && ${body.gps.speed} > 80";
    static final String IN_BOX = "${header.CamelNavixyEventType} == 'state_batch'"
            + " && ${body.gps.location.lat} > 14.60 && ${body.gps.location.lat} < 14.66"
            + " && ${body.gps.location.lng} > -90.55 && ${body.gps.location.lng} < -90.48";
    static final String IGNITION_ON = "${header.CamelNavixyEventType} == 'state_batch' && ${body.ignition} == true";
    static final String IGNITION_OFF = "${header.CamelNavixyEventType} == 'state_batch' && ${body.ignition} == false";
    static final String MOVING = "${header.CamelNavixyEventType} == 'state_batch' && ${body.movementStatus} == 'moving'";
    static final String LOW_BATTERY = "${header.CamelNavixyEventType} == 'state_batch' && ${body.batteryLevel} != null"
            + " && ${body.batteryLevel} < 20";
    static final String SOME_VEHICLES = "${header.CamelNavixySourceId} in '9001001,9001002'";
    static final String ANY_LIFECYCLE = "${header.CamelNavixyEventType} == 'lifecycle'";
    static final String BLOCKED = "${header.CamelNavixyEventType} == 'lifecycle' && ${body.lifecycleEvent} == 'block'";
    static final String REMOVED = "${header.CamelNavixyEventType} == 'lifecycle' && ${body.lifecycleEvent} == 'corrupt'";

    private static final List<String> ALL = List.of(SPEEDING, IN_BOX, IGNITION_ON, IGNITION_OFF, MOVING, LOW_BATTERY,
            SOME_VEHICLES, ANY_LIFECYCLE, BLOCKED, REMOVED);

    @Test
    void speedingMatchesOnlyStatesOverTheLimit() {
        assertThat(matches(SPEEDING, state(9001001, 96, 14.63, -90.50, true, "moving", 80))).isTrue();
        assertThat(matches(SPEEDING, state(9001001, 80, 14.63, -90.50, true, "moving", 80))).isFalse();
    }

    @Test
    void boxMatchesOnlyPositionsInside() {
        assertThat(matches(IN_BOX, state(9001001, 40, 14.63, -90.50, true, "moving", 80))).isTrue();
        assertThat(matches(IN_BOX, state(9001001, 40, 14.70, -90.50, true, "moving", 80))).as("north of it").isFalse();
        assertThat(matches(IN_BOX, state(9001001, 40, 14.63, -90.60, true, "moving", 80))).as("west of it").isFalse();
        assertThat(matches(IN_BOX, state(9001001, 40, 14.63, -90.40, true, "moving", 80))).as("east of it").isFalse();
    }

    @Test
    void ignitionRecipesTellOnFromOffAndSkipTrackersWithoutIgnition() {
        Exchange on = state(9001001, 0, 14.63, -90.50, true, "parked", 80);
        Exchange off = state(9001001, 0, 14.63, -90.50, false, "parked", 80);
        Exchange unknown = state(9001001, 0, 14.63, -90.50, null, "parked", 80);
        assertThat(matches(IGNITION_ON, on)).isTrue();
        assertThat(matches(IGNITION_ON, off)).isFalse();
        assertThat(matches(IGNITION_OFF, off)).isTrue();
        assertThat(matches(IGNITION_OFF, on)).isFalse();
        assertThat(matches(IGNITION_ON, unknown)).isFalse();
        assertThat(matches(IGNITION_OFF, unknown)).isFalse();
    }

    @Test
    void movingMatchesTheMovementStatus() {
        assertThat(matches(MOVING, state(9001001, 30, 14.63, -90.50, true, "moving", 80))).isTrue();
        assertThat(matches(MOVING, state(9001001, 0, 14.63, -90.50, true, "stopped", 80))).isFalse();
    }

    @Test
    void lowBatteryMatchesLowLevelsOnly() {
        assertThat(matches(LOW_BATTERY, state(9001001, 0, 14.63, -90.50, true, "parked", 15))).isTrue();
        assertThat(matches(LOW_BATTERY, state(9001001, 0, 14.63, -90.50, true, "parked", 80))).isFalse();
        assertThat(matches(LOW_BATTERY, state(9001001, 0, 14.63, -90.50, true, "parked", null))).as("no battery").isFalse();
    }

    @Test
    void someVehiclesMatchesTheListedSourceIds() {
        assertThat(matches(SOME_VEHICLES, state(9001002, 0, 14.63, -90.50, true, "parked", 80))).isTrue();
        assertThat(matches(SOME_VEHICLES, lifecycle(9001001, "block"))).isTrue();
        assertThat(matches(SOME_VEHICLES, state(9001003, 0, 14.63, -90.50, true, "parked", 80))).isFalse();
    }

    @Test
    void lifecycleRecipesMatchTheirChange() {
        assertThat(matches(ANY_LIFECYCLE, lifecycle(9001001, "unblock"))).isTrue();
        assertThat(matches(BLOCKED, lifecycle(9001001, "block"))).isTrue();
        assertThat(matches(BLOCKED, lifecycle(9001001, "unblock"))).isFalse();
        assertThat(matches(REMOVED, lifecycle(9001001, "corrupt"))).isTrue();
        assertThat(matches(REMOVED, lifecycle(9001001, "block"))).isFalse();
    }

    @Test
    void stateRecipesSkipLifecycleBodiesAndLifecycleRecipesSkipStates() {
        // The event type check comes first, so a LifecycleChange (no gps) never reaches ${body.gps...}.
        Exchange change = lifecycle(9001001, "block");
        Exchange state = state(9001001, 96, 14.63, -90.50, false, "moving", 15);
        for (String recipe : List.of(SPEEDING, IN_BOX, IGNITION_ON, IGNITION_OFF, MOVING, LOW_BATTERY)) {
            assertThat(matches(recipe, change)).as(recipe).isFalse();
        }
        for (String recipe : List.of(ANY_LIFECYCLE, BLOCKED, REMOVED)) {
            assertThat(matches(recipe, state)).as(recipe).isFalse();
        }
    }

    @Test
    void theGuideQuotesEveryRecipeVerbatim() throws Exception {
        String guide = Files.readString(Path.of("docs/guide/recipes.md"));
        for (String recipe : ALL) {
            assertThat(guide).as("docs/guide/recipes.md quotes the tested expression").contains(recipe);
        }
    }

    private boolean matches(String expression, Exchange exchange) {
        return context.resolveLanguage("simple").createPredicate(expression).matches(exchange);
    }

    /** A state_batch item as the consumer delivers it (built from Navixy JSON, like the decoder does). */
    private Exchange state(long sourceId, int speed, double lat, double lng, Boolean ignition, String movement,
            Integer battery) {
        String json = "{\"source_id\":" + sourceId + ",\"gps\":{\"speed\":" + speed + ",\"location\":{\"lat\":" + lat
                + ",\"lng\":" + lng + "}},\"ignition\":" + ignition + ",\"movement_status\":\"" + movement
                + "\",\"battery_level\":" + battery + "}";
        TrackerState body = read(json, TrackerState.class);
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader(NavixyConstants.EVENT_TYPE, "state_batch");
        exchange.getMessage().setHeader(NavixyConstants.SOURCE_ID, sourceId);
        return exchange;
    }

    private Exchange lifecycle(long sourceId, String kind) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(new LifecycleChange(sourceId, kind, null, null));
        exchange.getMessage().setHeader(NavixyConstants.EVENT_TYPE, "lifecycle");
        exchange.getMessage().setHeader(NavixyConstants.SOURCE_ID, sourceId);
        return exchange;
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return NavixyJson.newMapper().readerFor(type).readValue(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
