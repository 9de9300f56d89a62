package io.churnwatch.benchmarks;

/**
 * Turns Kafka's INFO chatter down for the benchmark mains, keeping churnwatch's own progress lines. A level given
 * on the command line ({@code -Dorg.slf4j.simpleLogger.defaultLogLevel=info}) wins. Must run before any logger is
 * created.
 */
public final class Logging {

    private Logging() {
    }

    public static void quietKafka() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.io.churnwatch", "info");
        // One line per task and snapshot instant is more than a benchmark needs.
        setIfAbsent("org.slf4j.simpleLogger.log.io.churnwatch.streams.features.CustomerFeaturesProcessor", "warn");
        // Transactional producers retry CONCURRENT_TRANSACTIONS and OUT_OF_ORDER_SEQUENCE_NUMBER answers at the
        // start of each transaction under exactly-once, one warning line each; the retries succeed.
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka.clients.producer.internals.Sender", "error");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
