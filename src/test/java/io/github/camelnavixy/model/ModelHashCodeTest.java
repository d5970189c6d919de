package io.github.camelnavixy.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Record hash codes are cheap (a few identifying components) and still agree with equals. */
class ModelHashCodeTest {

    private final ObjectMapper mapper = NavixyJson.newMapper();

    private TrackerState fixtureState() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/state-with-unknown-fields.json")) {
            JsonNode data = mapper.readTree(in).get("data");
            return mapper.treeToValue(data, TrackerState.class);
        }
    }

    @Test
    void equalStatesHaveEqualHashCodes() throws Exception {
        TrackerState a = fixtureState();
        TrackerState b = fixtureState();

        assertThat(a).isNotSameAs(b).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a.gps().hashCode()).isEqualTo(b.gps().hashCode());
        assertThat(a.gps().location().hashCode()).isEqualTo(b.gps().location().hashCode());
    }

    @Test
    void stateHashCodeDoesNotDependOnComponentsBeyondSourceIdAndLastUpdate() throws Exception {
        TrackerState a = fixtureState();
        Map<String, Object> otherExtra = new LinkedHashMap<>(a.extra());
        otherExtra.put("something_else", 1);
        TrackerState b = new TrackerState(a.sourceId(), null, "offline", a.movementStatus(), a.movementStatusUpdate(),
                a.ignition(), a.ignitionUpdate(), null, a.lastUpdate(), a.batteryLevel(), a.batteryUpdate(), a.inputs(),
                a.inputsUpdate(), a.outputs(), a.outputsUpdate(), a.actualTrackUpdate(), a.additional(), otherExtra);

        assertThat(b).isNotEqualTo(a);
        assertThat(b.hashCode()).isEqualTo(a.hashCode());
    }
}
