package io.github.camelnavixy.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One metering sensor reading ({@code inputs[]} of a readings object).
 *
 * @param label              sensor label
 * @param units              units text
 * @param name               input name, e.g. {@code board_voltage}
 * @param type               metering sensor type, e.g. {@code power}, {@code fuel}
 * @param sensorId           sensor id
 * @param value              the value
 * @param unitsType          units type, e.g. {@code volt}
 * @param convertedUnitsType units type after conversion, may be {@code null}
 * @param convertedValue     value after conversion, may be {@code null}
 * @param updateTime         when the value was updated
 * @param minValue           minimum value (optional)
 * @param maxValue           maximum value (optional)
 * @param compositeSensorIds ids of the composite sensors this one is part of (optional)
 * @param extra              JSON fields this model does not name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SensorInput(
        String label,
        String units,
        String name,
        String type,
        Long sensorId,
        Double value,
        String unitsType,
        String convertedUnitsType,
        Double convertedValue,
        @NavixyTimestamp OffsetDateTime updateTime,
        Double minValue,
        Double maxValue,
        List<Long> compositeSensorIds,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public SensorInput {
        compositeSensorIds = Extras.list(compositeSensorIds);
        extra = Extras.extra(extra);
    }
}
