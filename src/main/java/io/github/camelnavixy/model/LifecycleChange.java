package io.github.camelnavixy.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A tracker was blocked, unblocked or removed: a standalone {@code lifecycle} event, or a {@code lifecycle_event} item
 * inside a batch.
 *
 * @param sourceId       the data source id
 * @param lifecycleEvent {@code block}, {@code unblock} or {@code corrupt} (removed)
 * @param timestamp      when it happened (only the batch item form carries it)
 * @param extra          JSON fields this model does not name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LifecycleChange(
        Long sourceId,
        String lifecycleEvent,
        @NavixyTimestamp OffsetDateTime timestamp,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public LifecycleChange {
        extra = Extras.extra(extra);
    }

    /**
     * Hashes sourceId and timestamp only: consistent with the generated {@code equals} (equal values agree on
     * these components), and cheap. Camel's bean language hashes the body for its cache key on every OGNL step
     * ({@code ${body.gps.location.lat}}); the generated hash would walk the whole value every time.
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(sourceId) + Objects.hashCode(timestamp);
    }
}
