package io.github.camelnavixy.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The GPS part of a tracker state.
 *
 * @param updated     when the coordinates were last updated
 * @param signalLevel GPS signal level in percent
 * @param location    the position
 * @param heading     bearing in degrees (0-360)
 * @param speed       speed in km/h
 * @param alt         altitude in metres
 * @param precision   precision in metres (optional)
 * @param gsmLbs      true when the position came from GSM LBS (optional)
 * @param extra       JSON fields this model does not name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Gps(
        @NavixyTimestamp OffsetDateTime updated,
        Integer signalLevel,
        Location location,
        Integer heading,
        Integer speed,
        Integer alt,
        Integer precision,
        Boolean gsmLbs,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Gps {
        extra = Extras.extra(extra);
    }

    /**
     * Hashes updated and location only: consistent with the generated {@code equals} (equal values agree on
     * these components), and cheap. Camel's bean language hashes the body for its cache key on every OGNL step
     * ({@code ${body.gps.location.lat}}); the generated hash would walk the whole value every time.
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(updated) + Objects.hashCode(location);
    }
}
