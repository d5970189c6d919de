package io.github.camelnavixy.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelnavixy.model.TrackPoint;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class TrackReadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GapWindow WINDOW = new GapWindow(3435108, 10432208,
            OffsetDateTime.parse("2023-11-01T04:38:30-04:00"), OffsetDateTime.parse("2023-11-01T04:40:00.250-04:00"));

    @Test
    void asksForEveryPointInTheUsersLocalTime() {
        ObjectNode request = TrackRead.request(WINDOW, true);

        assertThat(request.path("tracker_id").asLong()).isEqualTo(3435108);
        assertThat(request.path("from").asText()).isEqualTo("2023-11-01 04:38:30");
        assertThat(request.path("to").asText()).as("rounded up, so the last second is inside").isEqualTo("2023-11-01 04:40:01");
        assertThat(request.path("simplify").asBoolean(true)).isFalse();
        assertThat(request.path("filter").asBoolean(true)).isFalse();
        assertThat(request.path("iso_datetime").asBoolean()).isTrue();
        assertThat(request.has("hash")).isFalse();
    }

    @Test
    void readsPointsSortedStrictlyInsideTheWindowWithUnknownFieldsKept() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"success": true, "limit_exceeded": true, "list": [
                 {"lat": 43.0381002, "lng": -79.2301447, "alt": 0, "satellites": 11, "mileage": 44.21,
                  "get_time": "2023-11-01 04:39:09", "address": "", "heading": 275, "speed": 49, "new_field": "x"},
                 {"lat": 43.0375133, "lng": -79.226505, "alt": 0, "satellites": 10, "mileage": 43.93,
                  "get_time": "2023-11-01 04:38:39", "address": "Kottmeier Road", "heading": 280, "speed": 53,
                  "precision": 100, "gsm_lbs": false, "parking": false, "buffered": true},
                 {"lat": 1, "lng": 2, "get_time": "2023-11-01 04:38:30"},
                 {"lat": 1, "lng": 2, "get_time": "2023-11-01T04:40:00.250-04:00"}]}""");

        TrackRead.Result result = TrackRead.read(answer, WINDOW);

        assertThat(result.limitExceeded()).isTrue();
        assertThat(result.received()).isEqualTo(4);
        assertThat(result.points()).extracting(TrackPoint::speed).containsExactly(53, 49);
        TrackPoint first = result.points().get(0);
        assertThat(first.getTime()).isEqualTo(OffsetDateTime.parse("2023-11-01T04:38:39-04:00"));
        assertThat(first.heading()).isEqualTo(280);
        assertThat(first.buffered()).isTrue();
        assertThat(first.precision()).isEqualTo(100);
        assertThat(result.points().get(1).extra()).containsEntry("new_field", "x");
    }
}
