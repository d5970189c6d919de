package io.github.camelnavixy.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One tracker of the account, as REST {@code tracker/list} returns it.
 *
 * @param id             the tracker id (what subscriptions, readings and track/read use)
 * @param label          the user's name for it, e.g. "Truck 12"
 * @param cloned         JSON {@code clone} (a record cannot name a component {@code clone}): true when this tracker
 *                       is a clone, another tracker on the same source
 * @param groupId        its group, 0 = none
 * @param avatarFileName avatar, when set
 * @param source         the device behind it; {@code source.id} is the WebSocket {@code source_id}
 * @param tagBindings    tag bindings as sent (objects {@code {tag_id, ordinal}}, or numbers on some servers)
 * @param extra          JSON fields this model does not name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrackerInfo(
        Long id,
        String label,
        @JsonProperty("clone") Boolean cloned,
        Long groupId,
        String avatarFileName,
        TrackerSource source,
        List<Object> tagBindings,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public TrackerInfo {
        tagBindings = Extras.list(tagBindings);
        extra = Extras.extra(extra);
    }

    /** The source id, or {@code null} when the server sent no source. */
    public Long sourceId() {
        return source == null ? null : source.id();
    }
}
