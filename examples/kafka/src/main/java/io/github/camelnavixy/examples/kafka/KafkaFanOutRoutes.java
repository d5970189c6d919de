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
 * order), so each record waits for its ack before the next is sent: {@code lingerMs=0}, since batching in the
 * producer would only add its linger to every record.
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

    @Override
    public void configure() {
        from("navixy:state_batch,readings_batch?apiKey={{navixy.apiKey}}&baseUrl={{navixy.baseUrl}}")
                .routeId(TO_KAFKA)
                // Only vehicle events: a logout (text, no vehicle) is not fleet data.
                .filter(simple("${header." + NavixyConstants.EVENT_TYPE + "} in 'state_batch,readings_batch'"))
                .choice()
                    .when(header(NavixyConstants.SOURCE_ID).isNotNull())
                        .setHeader(KafkaConstants.KEY, header(NavixyConstants.SOURCE_ID).convertToString())
                    .otherwise()
                        .setHeader(KafkaConstants.KEY, header(NavixyConstants.TRACKER_ID).convertToString())
                .end()
                .transform().method(NavixyJson.class, "toJson")
                .to("kafka:{{navixy.kafka.topic}}?brokers={{navixy.kafka.brokers}}"
                        + "&enableIdempotence=true&requestRequiredAcks=all&maxInFlightRequest=5"
                        + "&deliveryTimeoutMs=120000&lingerMs=0")
                .end();

        from("kafka:{{navixy.kafka.topic}}?brokers={{navixy.kafka.brokers}}&groupId={{navixy.kafka.groupId}}"
                + "&autoOffsetReset=earliest")
                .routeId(FROM_KAFKA)
                .to("{{navixy.kafka.sink}}");
    }
}
