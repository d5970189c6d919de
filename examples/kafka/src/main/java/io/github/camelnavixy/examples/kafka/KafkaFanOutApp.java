package io.github.camelnavixy.examples.kafka;

import org.apache.camel.main.Main;

/**
 * Runs {@link KafkaFanOutRoutes} until Ctrl+C against a Kafka cluster and a Navixy account (or the simulator).
 *
 * <pre>
 * ./mvnw -f examples/kafka compile exec:java -Dnavixy.apiKey=... -Dnavixy.kafka.brokers=localhost:9092
 * </pre>
 * {@code -Dnavixy.kafka.perItem=true} sends one Exchange per record (slower; see {@link KafkaFanOutRoutes}).
 * Defaults: the EU platform, topic {@code navixy-events}, group {@code navixy-fleet}, records logged once per 10 s.
 */
public final class KafkaFanOutApp {

    private KafkaFanOutApp() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.addInitialProperty("navixy.apiKey", setting("navixy.apiKey", "NAVIXY_API_KEY", null));
        main.addInitialProperty("navixy.baseUrl",
                setting("navixy.baseUrl", "NAVIXY_BASE_URL", "https://api.eu.navixy.com/v2"));
        main.addInitialProperty("navixy.kafka.brokers", setting("navixy.kafka.brokers", "KAFKA_BROKERS", "localhost:9092"));
        main.addInitialProperty("navixy.kafka.topic", System.getProperty("navixy.kafka.topic", "navixy-events"));
        main.addInitialProperty("navixy.kafka.groupId", System.getProperty("navixy.kafka.groupId", "navixy-fleet"));
        main.addInitialProperty("navixy.kafka.sink",
                System.getProperty("navixy.kafka.sink", "log:fleet?groupInterval=10000&groupDelay=10000"));
        main.configure().addRoutesBuilder(Boolean.getBoolean("navixy.kafka.perItem")
                ? KafkaFanOutRoutes.perItem() : KafkaFanOutRoutes.perBatch());
        main.run(args);
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        if (value == null && fallback == null) {
            throw new IllegalArgumentException("set -D" + property + " or " + env);
        }
        return value == null ? fallback : value;
    }
}
