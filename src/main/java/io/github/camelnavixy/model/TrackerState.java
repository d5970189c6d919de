package io.github.camelnavixy.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The state of one tracker's data source, as sent by the {@code state} and {@code state_batch} events (the fields of
 * REST {@code tracker/get_state}; the compact format leaves most of them {@code null}). Note that {@code sourceId} is
 * not a tracker id.
 *
 * @param sourceId             the data source id
 * @param gps                  GPS data
 * @param connectionStatus     signal_lost, just_registered, just_replaced, offline, idle or active
 * @param movementStatus       moving, stopped or parked
 * @param movementStatusUpdate when the movement status last changed
 * @param ignition             ignition state (optional)
 * @param ignitionUpdate       when the ignition state last changed
 * @param gsm                  GSM data, often {@code null}
 * @param lastUpdate           last update of the whole state
 * @param batteryLevel         battery level in percent
 * @param batteryUpdate        when the battery level was updated
 * @param inputs               digital inputs, input 1 first
 * @param inputsUpdate         when the inputs were updated
 * @param outputs              digital outputs, output 1 first
 * @param outputsUpdate        when the outputs were updated
 * @param actualTrackUpdate    time of the last track update
 * @param additional           additional values by name (values are text)
 * @param extra                JSON fields this model does not name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonDeserialize(using = TrackerStateDeserializer.class)
public record TrackerState(
        Long sourceId,
        Gps gps,
        String connectionStatus,
        String movementStatus,
        @NavixyTimestamp OffsetDateTime movementStatusUpdate,
        Boolean ignition,
        @NavixyTimestamp OffsetDateTime ignitionUpdate,
        Gsm gsm,
        @NavixyTimestamp OffsetDateTime lastUpdate,
        Integer batteryLevel,
        @NavixyTimestamp OffsetDateTime batteryUpdate,
        List<Boolean> inputs,
        @NavixyTimestamp OffsetDateTime inputsUpdate,
        List<Boolean> outputs,
        @NavixyTimestamp OffsetDateTime outputsUpdate,
        @NavixyTimestamp OffsetDateTime actualTrackUpdate,
        Map<String, AdditionalValue> additional,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public TrackerState {
        inputs = Extras.list(inputs);
        outputs = Extras.list(outputs);
        additional = Extras.map(additional);
        extra = Extras.extra(extra);
    }

    /**
     * Hashes sourceId and lastUpdate only: consistent with the generated {@code equals} (equal values agree on
     * these components), and cheap. Camel's bean language hashes the body for its cache key on every OGNL step
     * ({@code ${body.gps.location.lat}}); the generated hash would walk the whole value every time.
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(sourceId) + Objects.hashCode(lastUpdate);
    }
}
