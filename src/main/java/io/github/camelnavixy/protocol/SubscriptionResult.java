package io.github.camelnavixy.protocol;

import java.util.Collections;
import java.util.Map;

/**
 * The outcome of one sub-request (one event type) of a subscribe response.
 *
 * @param success  {@code success != false} and a {@code value} map was sent (the real server omits {@code success};
 *                 the 2020 form has no wrapper at all and counts as success)
 * @param statuses tracker id → status, in the server's order; unmodifiable
 */
public record SubscriptionResult(boolean success, Map<Long, TrackerStatus> statuses) {

    public SubscriptionResult {
        statuses = statuses == null ? Map.of() : Collections.unmodifiableMap(statuses);
    }
}
