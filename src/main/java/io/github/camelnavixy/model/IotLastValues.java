package io.github.camelnavixy.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The latest attribute values of one tracker ({@code data.iot_last_values[]} of an {@code iot_monitor} event). Both
 * maps go from attribute name to its values, newest first (the docs call them lists; they are objects).
 *
 * @param trackerId     the tracker id
 * @param nonnullFields per attribute, only the messages where it was present
 * @param allFields     per attribute, every recent message ({@code null} value where it was missing)
 * @param extra         JSON fields this model does not name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IotLastValues(
        Long trackerId,
        Map<String, List<IotValue>> nonnullFields,
        Map<String, List<IotValue>> allFields,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public IotLastValues {
        nonnullFields = Extras.map(nonnullFields);
        allFields = Extras.map(allFields);
        extra = Extras.extra(extra);
    }

    /**
     * Hashes trackerId only: consistent with the generated {@code equals} (equal values agree on
     * these components), and cheap. Camel's bean language hashes the body for its cache key on every OGNL step
     * ({@code ${body.gps.location.lat}}); the generated hash would walk the whole value every time.
     */
    @Override
    public int hashCode() {
        return Objects.hashCode(trackerId);
    }
}
