package io.github.camelnavixy.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link NavixyJson#toJson}: what the navixy-source Kamelet sends on. */
class NavixyJsonToJsonTest {

    @Test
    void writesRecordsInNavixyFieldNamesWithIsoTimestamps() throws Exception {
        LifecycleChange change = new LifecycleChange(9001001L, "block",
                OffsetDateTime.parse("2025-10-08T18:31:33-06:00"), Map.of("note", "x"));

        JsonNode json = new ObjectMapper().readTree(NavixyJson.toJson(change));

        assertThat(json.path("source_id").asLong()).isEqualTo(9001001L);
        assertThat(json.path("lifecycle_event").asText()).isEqualTo("block");
        assertThat(json.path("timestamp").asText()).isEqualTo("2025-10-08T18:31:33-06:00");
        assertThat(json.path("note").asText()).as("fields the model does not name are kept").isEqualTo("x");
    }

    @Test
    void passesTextOnUnchanged() {
        String raw = "{\"type\":\"event\",\"event\":\"geofence_alert\"}";
        assertThat(NavixyJson.toJson(raw)).isSameAs(raw);
        assertThat(NavixyJson.toJson("session closed")).isEqualTo("session closed");
        assertThat(NavixyJson.toJson(null)).isNull();
    }
}
