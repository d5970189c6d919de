package io.github.camelnavixy.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One counter reading ({@code counters[]} of a readings object).
 *
 * @param type       counter type, e.g. {@code odometer}
 * @param value      the value
 * @param updateTime when the value was updated
 * @param extra      JSON fields this model does not name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CounterReading(
        String type,
        Double value,
        @NavixyTimestamp OffsetDateTime updateTime,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public CounterReading {
        extra = Extras.extra(extra);
    }
}
