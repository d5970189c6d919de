package io.github.camelnavixy.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The GSM part of a tracker state (the whole object is often {@code null}).
 *
 * @param updated     when it was last updated
 * @param signalLevel signal level in percent
 * @param networkName operator name
 * @param roaming     roaming flag; {@code null} in real data
 * @param extra       JSON fields this model does not name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Gsm(
        @NavixyTimestamp OffsetDateTime updated,
        Integer signalLevel,
        String networkName,
        Boolean roaming,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Gsm {
        extra = Extras.extra(extra);
    }

    /**
     * Hashes updated and signalLevel only: consistent with the generated {@code equals} (equal values agree on
     * these components), and cheap. Camel's bean language hashes the body for its cache key on every OGNL step
     * ({@code ${body.gps.location.lat}}); the generated hash would walk the whole value every time.
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(updated) + Objects.hashCode(signalLevel);
    }
}
