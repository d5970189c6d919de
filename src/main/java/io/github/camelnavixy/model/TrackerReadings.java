package io.github.camelnavixy.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Sensor, state and counter readings of one tracker, one item of a {@code readings_batch} event. Only the objects
 * that changed are included, so any list may be empty or absent.
 *
 * @param trackerId      the tracker id
 * @param inputs         metering sensor readings
 * @param states         state field readings
 * @param virtualSensors virtual sensor readings
 * @param counters       counter readings
 * @param timestamp      time of the readings event
 * @param extra          JSON fields this model does not name (the observed shape's {@code "type":"readings_event"}
 *                       lands here)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrackerReadings(
        Long trackerId,
        List<SensorInput> inputs,
        List<StateReading> states,
        List<VirtualSensorReading> virtualSensors,
        List<CounterReading> counters,
        @NavixyTimestamp OffsetDateTime timestamp,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public TrackerReadings {
        inputs = Extras.list(inputs);
        states = Extras.list(states);
        virtualSensors = Extras.list(virtualSensors);
        counters = Extras.list(counters);
        extra = Extras.extra(extra);
    }

    /** A copy with the given tracker id (used when the id only appears as the key of a map). */
    public TrackerReadings withTrackerId(Long id) {
        return new TrackerReadings(id, inputs, states, virtualSensors, counters, timestamp, extra);
    }

    /**
     * Hashes trackerId and timestamp only: consistent with the generated {@code equals} (equal values agree on
     * these components), and cheap. Camel's bean language hashes the body for its cache key on every OGNL step
     * ({@code ${body.gps.location.lat}}); the generated hash would walk the whole value every time.
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(trackerId) + Objects.hashCode(timestamp);
    }
}
