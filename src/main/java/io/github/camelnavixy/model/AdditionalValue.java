package io.github.camelnavixy.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One entry of a tracker state's {@code additional} map. Navixy sends the value as text even for numbers
 * ({@code "event_code":{"value":"42",…}}), so it stays a {@code String}.
 *
 * @param value   the value as text
 * @param updated when it was last updated
 * @param extra   JSON fields this model does not name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AdditionalValue(
        String value,
        @NavixyTimestamp OffsetDateTime updated,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public AdditionalValue {
        extra = Extras.extra(extra);
    }

    /**
     * Hashes value and updated only: consistent with the generated {@code equals} (equal values agree on
     * these components), and cheap. Camel's bean language hashes the body for its cache key on every OGNL step
     * ({@code ${body.gps.location.lat}}); the generated hash would walk the whole value every time.
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(value) + Objects.hashCode(updated);
    }
}
