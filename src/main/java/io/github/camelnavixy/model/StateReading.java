package io.github.camelnavixy.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One state field reading ({@code states[]} of a readings object).
 *
 * @param field      the state field name, e.g. {@code input_status}
 * @param value      string, number ({@code Integer}, {@code Long} or {@code Double}), boolean or {@code null}
 * @param updateTime when the value was updated
 * @param extra      JSON fields this model does not name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StateReading(
        String field,
        Object value,
        @NavixyTimestamp OffsetDateTime updateTime,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public StateReading {
        extra = Extras.extra(extra);
    }
}
