package io.github.camelnavixy.protocol;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A {@code type:"response"} message: the answer to a subscribe or unsubscribe action.
 *
 * @param action  {@code subscription/subscribe} or {@code subscription/unsubscribe} (as sent)
 * @param events  the {@code events} list, empty when absent
 * @param results per event type, the sub-request outcome; empty when {@code data} is not an object (an unsubscribe
 *                response may carry anything)
 */
public record SubscriptionResponse(String action, List<String> events, Map<String, SubscriptionResult> results)
        implements InboundMessage {

    /** Action name of a subscribe response. */
    public static final String SUBSCRIBE = "subscription/subscribe";
    /** Action name of an unsubscribe response. */
    public static final String UNSUBSCRIBE = "subscription/unsubscribe";

    public SubscriptionResponse {
        events = events == null ? List.of() : Collections.unmodifiableList(events);
        results = results == null ? Map.of() : Collections.unmodifiableMap(results);
    }

    /** Whether this answers an unsubscribe action. */
    public boolean isUnsubscribe() {
        return UNSUBSCRIBE.equals(action);
    }
}
