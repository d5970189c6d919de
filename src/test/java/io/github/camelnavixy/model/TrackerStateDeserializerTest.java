package io.github.camelnavixy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The hand-written state binding gives what Jackson's generic record binding gives, for every shape we know. */
class TrackerStateDeserializerTest {

    private static final ZoneId ZONE = ZoneId.of("America/Guatemala");

    /** Jackson's own record binding, with the hand-written deserializer switched off by a mix-in. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    private interface GenericBinding {
    }

    private final ObjectReader handWritten = NavixyJson.newMapper().readerFor(TrackerState.class)
            .withAttribute(NavixyTime.ZONE_ATTRIBUTE, ZONE);
    private final ObjectReader generic = NavixyJson.newMapper().addMixIn(TrackerState.class, GenericBinding.class)
            .readerFor(TrackerState.class).withAttribute(NavixyTime.ZONE_ATTRIBUTE, ZONE);

    static List<String> states() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String fixture : List.of("seed-state.json", "state-with-unknown-fields.json")) {
            out.add(read(mapper, fixture).get("data").toString());
        }
        out.add(read(mapper, "seed-compact-source-state.json").toString());
        for (JsonNode item : read(mapper, "seed-state-batch.json").get("data")) {
            out.add(item.toString());
        }
        for (JsonNode item : read(mapper, "state-batch-observed.json").get("data")) {
            out.add(item.path("state").toString());
        }
        // values of unusual types, which the hand-written binding leaves to Jackson's coercion rules
        out.add("{\"source_id\":\"77\",\"gps\":{\"speed\":\"42\",\"heading\":12.0,\"location\":{\"lat\":\"14.5\",\"lng\":3}},"
                + "\"ignition\":\"true\",\"battery_level\":null,\"inputs\":[true,null,\"false\"],\"additional\":{\"a\":null,"
                + "\"b\":{\"value\":42,\"updated\":\"2025-01-02 03:04:05\",\"x\":[1,{\"y\":2}]}},\"gsm\":{\"roaming\":null,"
                + "\"network_name\":7},\"nested_unknown\":{\"k\":[1.5,\"s\",null]},\"last_update\":\"2025-10-08T18:31:20Z\"}");
        out.add("{}");
        return out;
    }

    private static JsonNode read(ObjectMapper mapper, String fixture) throws Exception {
        try (InputStream in = TrackerStateDeserializerTest.class.getResourceAsStream("/fixtures/" + fixture)) {
            return mapper.readTree(in);
        }
    }

    @ParameterizedTest
    @MethodSource("states")
    void bindsLikeJacksonsGenericRecordBinding(String json) throws Exception {
        TrackerState expected = generic.readValue(json);
        TrackerState actual = handWritten.readValue(json);

        // equals is type-strict (an Integer 4 in extra is not a Long 4); only the order of extra may differ: this
        // binding keeps the order the fields came in
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void refusesAPartThatIsNotAnObject() {
        assertThatThrownBy(() -> handWritten.readValue("{\"source_id\":1,\"gps\":[1,2]}"))
                .isInstanceOf(MismatchedInputException.class);
    }
}
