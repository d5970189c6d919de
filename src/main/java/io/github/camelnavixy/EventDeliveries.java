package io.github.camelnavixy;

import io.github.camelnavixy.model.IotLastValues;
import io.github.camelnavixy.model.LifecycleChange;
import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.model.TrackerReadings;
import io.github.camelnavixy.model.TrackerState;
import io.github.camelnavixy.model.UnknownItem;
import org.apache.camel.Message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decides which Exchanges an event becomes and fills their body and headers. A batch gives one Exchange per item
 * ({@code splitBatch=true}) or one with a {@code List} body; lifecycle items inside a batch always become
 * {@code lifecycle} Exchanges of their own, in arrival order.
 */
final class EventDeliveries {

    private EventDeliveries() {
    }

    /** How many Exchanges {@link #forEach} will produce; used to account for backpressure before the work is queued. */
    static int count(NavixyEvent event, boolean splitBatch) {
        if (!event.batch() || splitBatch) {
            return event.items().size();
        }
        int lifecycle = lifecycleItems(event.items());
        return lifecycle + (lifecycle < event.items().size() ? 1 : 0);
    }

    private static int lifecycleItems(List<Object> items) {
        int lifecycle = 0;
        for (Object item : items) {
            if (item instanceof LifecycleChange) {
                lifecycle++;
            }
        }
        return lifecycle;
    }

    /** Calls {@code sink} once per Exchange to produce, with a filler for its message. */
    static void forEach(NavixyEvent event, boolean splitBatch, Sink sink) throws Exception {
        List<Object> items = event.items();
        if (!event.batch()) {
            for (Object item : items) {
                sink.deliver(message -> fillSingle(message, event, item));
            }
            return;
        }
        int size = items.size() - lifecycleItems(items);
        if (!splitBatch && size > 0) {
            // Only the List body needs a list of its own; split batches go straight from the event's items.
            List<Object> primary = new ArrayList<>(size);
            for (Object item : items) {
                if (!(item instanceof LifecycleChange)) {
                    primary.add(item);
                }
            }
            List<Object> body = Collections.unmodifiableList(primary);
            sink.deliver(message -> {
                message.setBody(body);
                message.setHeader(NavixyConstants.EVENT_TYPE, event.name());
                message.setHeader(NavixyConstants.BATCH_SIZE, size);
                setUserTime(message, event);
            });
        }
        int index = 0;
        for (Object item : items) {
            if (item instanceof LifecycleChange change) {
                sink.deliver(message -> fillLifecycle(message, change));
            } else if (splitBatch) {
                int position = index++;
                sink.deliver(message -> {
                    fillItem(message, event.name(), item);
                    message.setHeader(NavixyConstants.BATCH_INDEX, position);
                    message.setHeader(NavixyConstants.BATCH_SIZE, size);
                    setUserTime(message, event);
                });
            }
        }
    }

    private static void fillSingle(Message message, NavixyEvent event, Object item) {
        if (item instanceof LifecycleChange change) {
            fillLifecycle(message, change);
            return;
        }
        fillItem(message, event.name(), item);
        setUserTime(message, event);
    }

    private static void fillItem(Message message, String eventType, Object item) {
        if (item instanceof UnknownItem unknown) {
            // An item kind this client does not know: pass its JSON on under its own type, as with unknown events.
            message.setBody(unknown.json());
            message.setHeader(NavixyConstants.EVENT_TYPE, unknown.type());
            return;
        }
        message.setBody(item);
        message.setHeader(NavixyConstants.EVENT_TYPE, eventType);
        if (item instanceof TrackerState state) {
            message.setHeader(NavixyConstants.SOURCE_ID, state.sourceId());
        } else if (item instanceof TrackerReadings readings) {
            message.setHeader(NavixyConstants.TRACKER_ID, readings.trackerId());
        } else if (item instanceof IotLastValues values) {
            message.setHeader(NavixyConstants.TRACKER_ID, values.trackerId());
        }
    }

    private static void fillLifecycle(Message message, LifecycleChange change) {
        message.setBody(change);
        message.setHeader(NavixyConstants.EVENT_TYPE, NavixyEvent.LIFECYCLE);
        message.setHeader(NavixyConstants.SOURCE_ID, change.sourceId());
    }

    private static void setUserTime(Message message, NavixyEvent event) {
        if (event.userTime() != null) {
            message.setHeader(NavixyConstants.USER_TIME, event.userTime());
        }
    }

    /** Receives each Exchange to produce as a way to fill its message. */
    @FunctionalInterface
    interface Sink {
        void deliver(MessageFiller filler) throws Exception;
    }

    @FunctionalInterface
    interface MessageFiller {
        void fill(Message message);
    }
}
