package io.github.camelnavixy;

import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.protocol.SubscriptionResponse;
import org.apache.camel.Message;

/**
 * What an add-on of the consumer (the tracker directory and gap fill, see {@link TrackerFeatures}) may watch or add
 * as the feed passes through {@link RouteHandOff}. Everything is optional.
 */
interface FeedHooks {

    FeedHooks NONE = new FeedHooks() {
    };

    /** An event arrived; on the event loop, before it is queued for the route. */
    default void onEvent(NavixyEvent event) {
    }

    /** The server answered a subscribe action; on the event loop. */
    default void onSubscribed(SubscriptionResponse response) {
    }

    /** Whether {@link #onSubscribedInOrder()} is wanted (it costs one queued task per subscribe). */
    default boolean wantsSubscribedInOrder() {
        return false;
    }

    /** The same subscribe answer, on the worker, in order with the events before and after it. */
    default void onSubscribedInOrder() {
    }

    /** A message of the live feed is filled and about to go to the route; on the worker. */
    default void decorate(Message message) {
    }
}
