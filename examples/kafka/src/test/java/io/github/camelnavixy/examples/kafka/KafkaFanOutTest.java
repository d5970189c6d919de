package io.github.camelnavixy.examples.kafka;

import io.github.camelnavixy.NavixyConsumer;
import io.github.camelnavixy.simulator.NavixySimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link KafkaFanOutRoutes} against the simulator and an embedded KRaft broker. What the Navixy route hands to the
 * Kafka producer is recorded (key and JSON, in order); the topic is then read whole and compared.
 */
class KafkaFanOutTest {

    private static final String TOPIC = "navixy-events";

    private NavixySimulator simulator;
    private EmbeddedKafka kafka;
    private CamelContext context;

    /** What the route sent, in order. */
    private final List<String[]> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** What the consumer-group route read back: partition/offset, so redeliveries after a rebalance count once. */
    private final Set<String> readBack = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stopAll() throws Exception {
        if (context != null) {
            context.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private void start(int fleet, Duration tick, Duration rateLimit) throws Exception {
        simulator = NavixySimulator.builder().fleetSize(fleet).tickInterval(tick).defaultRateLimit(rateLimit).build()
                .start();
        kafka = EmbeddedKafka.start();
        kafka.createTopic(TOPIC, 4);

        context = new DefaultCamelContext();
        Properties p = new Properties();
        p.setProperty("navixy.apiKey", simulator.apiKey());
        p.setProperty("navixy.baseUrl", simulator.baseUrl());
        p.setProperty("navixy.kafka.brokers", kafka.bootstrapServers());
        p.setProperty("navixy.kafka.topic", TOPIC);
        p.setProperty("navixy.kafka.groupId", "navixy-fleet");
        p.setProperty("navixy.kafka.sink", "direct:readBack");
        context.getPropertiesComponent().setInitialProperties(p);
        context.addRoutes(new KafkaFanOutRoutes());
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:readBack").process(e -> readBack.add(e.getMessage().getHeader(KafkaConstants.PARTITION)
                        + "/" + e.getMessage().getHeader(KafkaConstants.OFFSET)));
            }
        });
        AdviceWith.adviceWith(context, KafkaFanOutRoutes.TO_KAFKA, a -> {
            a.weaveByToUri("kafka:*").before().process(e -> sent.add(new String[] {
                    e.getMessage().getHeader(KafkaConstants.KEY, String.class), e.getMessage().getBody(String.class)}));
            a.weaveByToUri("kafka:*").after().process(e -> {
                if (e.getException() == null) {
                    acked.incrementAndGet();
                }
            });
            a.onException(Exception.class).process(e -> failed.incrementAndGet());
        });
        context.start();
    }

    private static Map<String, List<String>> byKey(List<String[]> records) {
        Map<String, List<String>> keyed = new LinkedHashMap<>();
        for (String[] r : records) {
            keyed.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]);
        }
        return keyed;
    }

    @Test
    void everyStateReachesKafkaOnceAndInOrderPerVehicleAcrossABrokerRestart() throws Exception {
        start(20, Duration.ofMillis(100), Duration.ofMillis(200));
        await().atMost(30, TimeUnit.SECONDS).until(() -> acked.get() >= 200);

        kafka.stopBroker();
        long ackedBeforeRestart = acked.get();
        // The route waits for each record's ack, so while the broker is down the feed backs up in the consumer
        // (and past maxPendingExchanges, in the socket): wait until a good part of a second's events are waiting.
        NavixyConsumer navixy = (NavixyConsumer) context.getRoute(KafkaFanOutRoutes.TO_KAFKA).getConsumer();
        await().atMost(20, TimeUnit.SECONDS).until(() -> navixy.getPendingExchanges() >= 100);
        int pendingAtRestart = navixy.getPendingExchanges();
        long ackedWhileDown = acked.get();
        long downSince = System.nanoTime();
        kafka.startBroker();
        long restartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSince);

        await().atMost(30, TimeUnit.SECONDS).until(() -> acked.get() >= ackedWhileDown + 400);
        context.getRouteController().stopRoute(KafkaFanOutRoutes.TO_KAFKA); // waits for the sends in flight
        List<String[]> sentCopy = List.copyOf(sent);

        List<ConsumerRecord<String, String>> log = TopicReader.readAll(kafka.bootstrapServers(), TOPIC);
        List<String[]> inKafka = new ArrayList<>();
        // Per partition the log is ordered; a key lives in one partition, so per key this is the log's order.
        log.stream().sorted((x, y) -> x.partition() != y.partition() ? Integer.compare(x.partition(), y.partition())
                : Long.compare(x.offset(), y.offset())).forEach(r -> inKafka.add(new String[] {r.key(), r.value()}));
        await().atMost(30, TimeUnit.SECONDS).until(() -> readBack.size() == log.size());

        System.out.printf("%n===== Kafka fan-out across a broker restart =====%n");
        System.out.printf("sent by the route / acked / failed : %d / %d / %d%n", sentCopy.size(), acked.get(),
                failed.get());
        System.out.printf("broker down                        : acked before %d, while down %d; %d Exchanges waiting in"
                + " the consumer at the restart; broker back in %d ms%n", ackedBeforeRestart,
                ackedWhileDown - ackedBeforeRestart, pendingAtRestart, restartMillis);
        System.out.printf("records in the topic               : %d in %d keys; read back by the group: %d%n",
                log.size(), byKey(inKafka).size(), readBack.size());
        assertThat(failed.get()).isZero();
        assertThat(log).hasSize(sentCopy.size()); // no loss, no duplicate
        assertThat(byKey(inKafka)).isEqualTo(byKey(sentCopy)); // same records per key, same order
        assertThat(byKey(sentCopy).keySet()).hasSizeGreaterThanOrEqualTo(20); // states (source ids) and readings (tracker ids)
    }
}
