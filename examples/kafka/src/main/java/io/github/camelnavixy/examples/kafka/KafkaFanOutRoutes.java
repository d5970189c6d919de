package io.github.camelnavixy.examples.kafka;

import io.github.camelnavixy.NavixyConstants;
import io.github.camelnavixy.model.NavixyJson;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The Navixy feed into a partitioned Kafka log, and a consumer group reading it back.
 *
 * <p>{@code navixy-to-kafka}: tracker states and sensor readings as JSON text (Navixy's field names) into
 * {@code {{navixy.kafka.topic}}}, keyed by the vehicle: the source id for states, the tracker id for readings. Kafka
 * puts every record of a key in the same partition, so each vehicle's events keep their order for every reader. The
 * producer is idempotent with {@code acks=all}: a send that is retried (broker restart, leader change) is written once,
 * and retries cannot reorder a key (at most 5 requests in flight, which idempotence keeps in order).
 *
 * <p>The Navixy consumer hands its Exchanges to the route one at a time and waits for each (that is how it keeps
 * order), so the route waits for Kafka's ack of whatever one Exchange carries. Two ways to write it:
 * <ul>
 * <li>{@link #perBatch()} (the default of the app): {@code splitBatch=false}, one Exchange per Navixy batch, turned
 * into a list of keyed records ({@link KafkaRecords}); camel-kafka sends them all in order, then waits for their acks
 * once. Fast.</li>
 * <li>{@link #perItem()}: one Exchange per vehicle item, so one ack round trip per record ({@code lingerMs=0}, since
 * lingering would only add to each). Simple, and slow: see docs/reliability.md for the figures.</li>
 * </ul>
 *
 * <p>{@code kafka-to-fleet}: one member of the consumer group {@code {{navixy.kafka.groupId}}}; run more JVMs with the
 * same group and Kafka shares the partitions among them. It sends each record to {@code {{navixy.kafka.sink}}}.
 *
 * <p>Properties: {@code navixy.apiKey}, {@code navixy.baseUrl}, {@code navixy.kafka.brokers},
 * {@code navixy.kafka.topic}, {@code navixy.kafka.groupId}, {@code navixy.kafka.sink}.
 */
public class KafkaFanOutRoutes extends RouteBuilder {

    public static final String TO_KAFKA = "navixy-to-kafka";
    public static final String FROM_KAFKA = "kafka-to-fleet";
    private static final String VEHICLE_EVENTS = "${header." + NavixyConstants.EVENT_TYPE
            + "} in 'state_batch,readings_batch'";
    private static final String KAFKA = "kafka:{{navixy.kafka.topic}}?brokers={{navixy.kafka.brokers}}"
            + "&enableIdempotence=true&requestRequiredAcks=all&maxInFlightRequest=5&deliveryTimeoutMs=120000";

    private final boolean perBatch;

    private KafkaFanOutRoutes(boolean perBatch) {
        this.perBatch = perBatch;
    }

    /** One Exchange per Navixy batch, one Kafka record per vehicle item, one wait for the batch's acks. */
    public static KafkaFanOutRoutes perBatch() {
        return new KafkaFanOutRoutes(true);
    }

    /** One Exchange and one Kafka record per vehicle item, one wait per record. */
    public static KafkaFanOutRoutes perItem() {
        return new KafkaFanOutRoutes(false);
    }

    @Override
    public void configure() {
        String navixy = "navixy:state_batch,readings_batch?apiKey={{navixy.apiKey}}&baseUrl={{navixy.baseUrl}}";
        if (perBatch) {
            from(navixy + "&splitBatch=false")
                    .routeId(TO_KAFKA)
                    // Only vehicle events: a lifecycle change or a logout is not fleet data here.
                    .filter(simple(VEHICLE_EVENTS))
                    .process(KafkaRecords::fromBatch)
                    .to(KAFKA + "&batchWithIndividualHeaders=true");
        } else {
            from(navixy)
                    .routeId(TO_KAFKA)
                    .filter(simple(VEHICLE_EVENTS))
                    .choice()
                        .when(header(NavixyConstants.SOURCE_ID).isNotNull())
                            .setHeader(KafkaConstants.KEY, header(NavixyConstants.SOURCE_ID).convertToString())
                        .otherwise()
                            .setHeader(KafkaConstants.KEY, header(NavixyConstants.TRACKER_ID).convertToString())
                    .end()
                    .transform().method(NavixyJson.class, "toJson")
                    .to(KAFKA + "&lingerMs=0");
        }

        from("kafka:{{navixy.kafka.topic}}?brokers={{navixy.kafka.brokers}}&groupId={{navixy.kafka.groupId}}"
                + "&autoOffsetReset=earliest")
                .routeId(FROM_KAFKA)
                .to("{{navixy.kafka.sink}}");
    }
}
