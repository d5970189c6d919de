package io.github.camelnavixy.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscribe and unsubscribe actions have the shape of navixy-websocket.md §5.1 and §5.2. */
class SubscribeRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH = "22eac1c27af4be7b9d04da2ce1af111b";

    private static JsonNode subscribe(SubscriptionPlan plan) throws Exception {
        return JSON.readTree(plan.subscribeRequest(HASH));
    }

    @Test
    void sendsOneRequestPerEventTypeWithTheHashAndIsoDateTime() throws Exception {
        JsonNode root = subscribe(SubscriptionPlanParser.parse("state_batch,readings_batch", "all", null, null, null, null, null, true));
        assertThat(root.get("action").asText()).isEqualTo("subscribe");
        assertThat(root.get("hash").asText()).isEqualTo(HASH);
        assertThat(root.get("iso_datetime").asBoolean()).isTrue();
        assertThat(root.get("requests")).hasSize(2);
        assertThat(root.at("/requests/0/type").asText()).isEqualTo("state_batch");
        assertThat(root.at("/requests/0/target/type").asText()).isEqualTo("all");
        assertThat(root.at("/requests/1/type").asText()).isEqualTo("readings_batch");
    }

    @Test
    void stateUsesATrackersArrayAndNoTarget() throws Exception {
        JsonNode request = subscribe(SubscriptionPlanParser.parse("state", "15564,15565", null, StateFormat.compact, null, null, null, true))
                .at("/requests/0");
        assertThat(request.get("trackers").toString()).isEqualTo("[15564,15565]");
        assertThat(request.has("target")).isFalse();
        assertThat(request.has("rate_limit")).isFalse();
        assertThat(request.get("format").asText()).isEqualTo("compact");
    }

    @Test
    void batchesUseASelectedTargetAndTheRateLimitInSeconds() throws Exception {
        JsonNode request = subscribe(SubscriptionPlanParser.parse("state_batch", "15564,15565", Duration.ofSeconds(5), null, null, null, null, true))
                .at("/requests/0");
        assertThat(request.at("/target/type").asText()).isEqualTo("selected");
        assertThat(request.at("/target/tracker_ids").toString()).isEqualTo("[15564,15565]");
        assertThat(request.get("rate_limit").asText()).isEqualTo("5s");
    }

    @Test
    void readingsCarrySensorTypeAndIncludeComponents() throws Exception {
        JsonNode request = subscribe(SubscriptionPlanParser.parse("readings_batch", "all", Duration.ofSeconds(90), null, "temperature", false, null, true))
                .at("/requests/0");
        assertThat(request.get("sensor_type").asText()).isEqualTo("temperature");
        assertThat(request.get("include_components").asBoolean()).isFalse();
        assertThat(request.get("rate_limit").asText()).isEqualTo("90s");
        assertThat(request.has("format")).isFalse();
    }

    @Test
    void iotMonitorCarriesTheFlowId() throws Exception {
        JsonNode request = subscribe(SubscriptionPlanParser.parse("iot_monitor", "21080", null, null, null, null, 42L, true)).at("/requests/0");
        assertThat(request.get("flow_id").asLong()).isEqualTo(42L);
        assertThat(request.at("/target/tracker_ids").toString()).isEqualTo("[21080]");
    }

    @Test
    void leavesIsoDateTimeOutWhenNotWanted() throws Exception {
        assertThat(subscribe(SubscriptionPlanParser.parse("state_batch", "all", null, null, null, null, null, false)).has("iso_datetime")).isFalse();
    }

    @Test
    void unsubscribeMirrorsTheSubscribeRequests() throws Exception {
        SubscriptionPlan plan = SubscriptionPlanParser.parse("state_batch", "15568", null, null, null, null, null, true);
        JsonNode unsubscribe = JSON.readTree(plan.unsubscribeRequest(HASH));
        assertThat(unsubscribe.get("action").asText()).isEqualTo("unsubscribe");
        assertThat(unsubscribe.get("requests")).isEqualTo(subscribe(plan).get("requests"));
    }
}
