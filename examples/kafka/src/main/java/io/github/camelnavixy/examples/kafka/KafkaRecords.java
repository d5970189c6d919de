package io.github.camelnavixy.examples.kafka;

import io.github.camelnavixy.model.NavixyJson;
import io.github.camelnavixy.model.TrackerReadings;
import io.github.camelnavixy.model.TrackerState;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the items of one Navixy batch into one Kafka record each (a {@link Message} with its own key header and JSON
 * body), in the batch's order, so that camel-kafka sends them all before waiting for their acks.
 */
public final class KafkaRecords {

    private KafkaRecords() {
    }

    /** Replaces the body (a batch's items) with one message per vehicle item; items without a vehicle are left out. */
    public static void fromBatch(Exchange exchange) {
        List<?> items = exchange.getMessage().getBody(List.class);
        List<Message> records = new ArrayList<>(items == null ? 0 : items.size());
        if (items != null) {
            for (Object item : items) {
                String key = keyOf(item);
                if (key != null) {
                    Message record = new DefaultMessage(exchange.getContext());
                    record.setHeader(KafkaConstants.KEY, key);
                    record.setBody(NavixyJson.toJson(item));
                    records.add(record);
                }
            }
        }
        exchange.getMessage().setBody(records);
    }

    /** The vehicle an item belongs to: the source id of a state, the tracker id of readings. */
    static String keyOf(Object item) {
        if (item instanceof TrackerState state && state.sourceId() != null) {
            return state.sourceId().toString();
        }
        if (item instanceof TrackerReadings readings && readings.trackerId() != null) {
            return readings.trackerId().toString();
        }
        return null;
    }
}
