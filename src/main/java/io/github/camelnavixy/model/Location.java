package io.github.camelnavixy.model;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A position in degrees (WGS 84), as in {@code gps.location}.
 *
 * @param lat   latitude
 * @param lng   longitude
 * @param extra JSON fields this model does not name, kept so nothing the server sent is lost
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Location(Double lat, Double lng, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Location {
        extra = Extras.extra(extra);
    }

    /**
     * Hashes lat and lng only: consistent with the generated {@code equals} (equal values agree on
     * these components), and cheap. Camel's bean language hashes the body for its cache key on every OGNL step
     * ({@code ${body.gps.location.lat}}); the generated hash would walk the whole value every time.
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(lat) + Objects.hashCode(lng);
    }
}
