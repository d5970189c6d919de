package io.github.camelnavixy.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One attribute value of one device message in an {@code iot_monitor} event.
 *
 * @param msgTime message time
 * @param srvTime time the server received it
 * @param value   number, text (numeric text such as latitudes included) or {@code null}, kept as sent
 * @param extra   JSON fields this model does not name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IotValue(
        @NavixyTimestamp OffsetDateTime msgTime,
        @NavixyTimestamp OffsetDateTime srvTime,
        Object value,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public IotValue {
        extra = Extras.extra(extra);
    }
}
