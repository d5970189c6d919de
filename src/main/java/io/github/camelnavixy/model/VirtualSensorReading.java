package io.github.camelnavixy.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One virtual sensor reading ({@code virtual_sensors[]} of a readings object; fields as in REST
 * {@code tracker/readings}).
 *
 * @param sensorId   virtual sensor id (absent in some samples)
 * @param label      sensor label
 * @param type       virtual sensor type, e.g. {@code virtual_ignition}
 * @param value      the value: usually text ({@code "On"}), documented as a float; kept as sent
 * @param updateTime when the value was updated
 * @param extra      JSON fields this model does not name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VirtualSensorReading(
        Long sensorId,
        String label,
        String type,
        Object value,
        @NavixyTimestamp OffsetDateTime updateTime,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public VirtualSensorReading {
        extra = Extras.extra(extra);
    }
}
