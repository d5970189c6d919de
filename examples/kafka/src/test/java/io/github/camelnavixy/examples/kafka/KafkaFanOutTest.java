package io.github.camelnavixy.examples.kafka;

import io.github.camelnavixy.NavixyConsumer;
import io.github.camelnavixy.simulator.NavixySimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    private static final AtomicLong TOPICS = new AtomicLong();
    /** One broker for the class (it starts in seconds, not instantly); each test has a topic and a group of its own. */
    private static EmbeddedKafka kafka;

    private final String topic = "navixy-events-" + TOPICS.incrementAndGet();
    private NavixySimulator simulator;
    private CamelContext context;

    /** What the route sent, in order. */
    private final List<String[]> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** What the consumer-group route read back: partition/offset, so redeliveries after a rebalance count once. */
    private final Set<String> readBack = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @AfterEach
    void stopAll() throws Exception {
        if (context != null) {
            context.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private void start(KafkaFanOutRoutes routes, int fleet, Duration tick, Duration rateLimit) throws Exception {
        simulator = NavixySimulator.builder().fleetSize(fleet).tickInterval(tick).defaultRateLimit(rateLimit).build()
                .start();
        kafka.createTopic(topic, 4);

        context = new DefaultCamelContext();
        Properties p = new Properties();
        p.setProperty("navixy.apiKey", simulator.apiKey());
        p.setProperty("navixy.baseUrl", simulator.baseUrl());
        p.setProperty("navixy.kafka.brokers", kafka.bootstrapServers());
        p.setProperty("navixy.kafka.topic", topic);
        p.setProperty("navixy.kafka.groupId", "group-" + topic);
        p.setProperty("navixy.kafka.sink", "direct:readBack");
        context.getPropertiesComponent().setInitialProperties(p);
        context.addRoutes(routes);
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:readBack").process(e -> readBack.add(e.getMessage().getHeader(KafkaConstants.PARTITION)
                        + "/" + e.getMessage().getHeader(KafkaConstants.OFFSET)));
            }
        });
        AdviceWith.adviceWith(context, KafkaFanOutRoutes.TO_KAFKA, a -> {
            a.weaveByToUri("kafka:*").before().process(e -> records(e.getMessage()).forEach(sent::add));
            a.weaveByToUri("kafka:*").after().process(e -> {
                if (e.getException() == null) {
                    acked.addAndGet(records(e.getMessage()).size());
                }
            });
            a.onException(Exception.class).process(e -> failed.incrementAndGet());
        });
        context.start();
    }

    /** The records one Exchange carries to Kafka: itself (per item), or the messages of its list (per batch). */
    private static List<String[]> records(Message message) {
        if (message.getBody() instanceof List<?> list) {
            return list.stream().map(Message.class::cast).map(m -> new String[] {
                    m.getHeader(KafkaConstants.KEY, String.class), m.getBody(String.class)}).toList();
        }
        return List.<String[]>of(new String[] {message.getHeader(KafkaConstants.KEY, String.class),
                message.getBody(String.class)});
    }

    /** Stops the Navixy route (waiting for the sends in flight) and reads the topic whole, per key in log order. */
    private List<String[]> stopAndReadTopic() throws Exception {
        context.getRouteController().stopRoute(KafkaFanOutRoutes.TO_KAFKA);
        List<ConsumerRecord<String, String>> log = TopicReader.readAll(kafka.bootstrapServers(), topic);
        List<String[]> inKafka = new ArrayList<>();
        // Per partition the log is ordered; a key lives in one partition, so per key this is the log's order.
        log.stream().sorted((x, y) -> x.partition() != y.partition() ? Integer.compare(x.partition(), y.partition())
                : Long.compare(x.offset(), y.offset())).forEach(r -> inKafka.add(new String[] {r.key(), r.value()}));
        return inKafka;
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
        start(KafkaFanOutRoutes.perBatch(), 20, Duration.ofMillis(100), Duration.ofMillis(200));
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
        List<String[]> inKafka = stopAndReadTopic();
        List<String[]> sentCopy = List.copyOf(sent);
        await().atMost(30, TimeUnit.SECONDS).until(() -> readBack.size() == inKafka.size());

        System.out.printf("%n===== Kafka fan-out across a broker restart =====%n");
        System.out.printf("sent by the route / acked / failed : %d / %d / %d%n", sentCopy.size(), acked.get(),
                failed.get());
        System.out.printf("broker down                        : acked before %d, while down %d; %d Exchanges waiting in"
                + " the consumer at the restart; broker back in %d ms%n", ackedBeforeRestart,
                ackedWhileDown - ackedBeforeRestart, pendingAtRestart, restartMillis);
        System.out.printf("records in the topic               : %d in %d keys; read back by the group: %d%n",
                inKafka.size(), byKey(inKafka).size(), readBack.size());
        assertThat(failed.get()).isZero();
        assertThat(inKafka).hasSize(sentCopy.size()); // no loss, no duplicate
        assertThat(byKey(inKafka)).isEqualTo(byKey(sentCopy)); // same records per key, same order
        assertThat(byKey(sentCopy).keySet()).hasSizeGreaterThanOrEqualTo(20); // states (source ids) and readings (tracker ids)
    }

    @ParameterizedTest(name = "one Exchange per {0}")
    @ValueSource(strings = {"batch", "item"})
    void keepsOrderPerVehicleAndPrintsTheThroughputIntoKafkaAndBack(String mode) throws Exception {
        // Offered: states and readings of 500 trackers every 200 ms, 5000 items/s: more than the route takes.
        start(mode.equals("batch") ? KafkaFanOutRoutes.perBatch() : KafkaFanOutRoutes.perItem(), 500,
                Duration.ofMillis(100), Duration.ofMillis(200));
        NavixyConsumer navixy = (NavixyConsumer) context.getRoute(KafkaFanOutRoutes.TO_KAFKA).getConsumer();
        await().atMost(30, TimeUnit.SECONDS).until(() -> acked.get() >= 1000); // warmed up

        AtomicBoolean pausedSeen = new AtomicBoolean();
        long acked0 = acked.get();
        long read0 = readBack.size();
        long received0 = navixy.getExchangeCount();
        long t0 = System.nanoTime();
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20)).until(() -> {
            pausedSeen.compareAndSet(false, navixy.isReadingPaused());
            return acked.get() >= acked0 + (mode.equals("batch") ? 8000 : 3000);
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        double ackedRate = (acked.get() - acked0) / seconds;
        double readRate = (readBack.size() - read0) / seconds;
        double receivedRate = (navixy.getExchangeCount() - received0) / seconds;

        System.out.printf("%n===== Kafka fan-out throughput, one Exchange per %s =====%n", mode);
        System.out.printf("simulator                           : 500 trackers, states + readings, batches every 200 ms%n");
        System.out.printf("window                              : %.1f s%n", seconds);
        System.out.printf("Exchanges made by the Navixy consumer: %.0f /s%n", receivedRate);
        System.out.printf("records acked by Kafka (acks=all)   : %.0f /s (%.2f ms per record)%n", ackedRate,
                1000 / ackedRate);
        System.out.printf("records read back by the group      : %.0f /s%n", readRate);
        System.out.printf("socket paused by backpressure       : %s; waiting now: %d%n", pausedSeen.get(),
                navixy.getPendingExchanges());

        List<String[]> inKafka = stopAndReadTopic();
        assertThat(failed.get()).isZero();
        assertThat(inKafka).hasSize(sent.size());
        assertThat(byKey(inKafka)).isEqualTo(byKey(List.copyOf(sent)));
    }
}
