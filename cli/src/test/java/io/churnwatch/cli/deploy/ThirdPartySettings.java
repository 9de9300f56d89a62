package io.churnwatch.cli.deploy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kafka.server.KafkaConfig;
import org.apache.kafka.server.config.AbstractKafkaConfig;

/**
 * What the third-party images read from their environment. The Kafka image turns {@code KAFKA_FOO_BAR} into the
 * broker property {@code foo.bar}, which is checked against the broker's own configuration definition (the same
 * Kafka version, on this classpath); the schema registry's are a short known list.
 */
final class ThirdPartySettings {

    static final String KAFKA_IMAGE = "apache/kafka";
    static final String REGISTRY_IMAGE = "confluentinc/cp-schema-registry";
    static final String PROMETHEUS_IMAGE = "prom/prometheus";

    /** Read by the image's start scripts, not turned into properties. */
    static final Set<String> KAFKA_SCRIPT_VARIABLES = Set.of("KAFKA_HEAP_OPTS", "KAFKA_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JMX_OPTS");

    /** cp-schema-registry: SCHEMA_REGISTRY_FOO_BAR is the property foo.bar; these are the ones that exist. */
    static final Set<String> REGISTRY_VARIABLES = Set.of("SCHEMA_REGISTRY_HOST_NAME", "SCHEMA_REGISTRY_LISTENERS",
            "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_KAFKASTORE_TOPIC",
            "SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL",
            "SCHEMA_REGISTRY_DEBUG", "SCHEMA_REGISTRY_LOG4J_ROOT_LOGLEVEL", "SCHEMA_REGISTRY_HEAP_OPTS",
            "SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL", "SCHEMA_REGISTRY_LEADER_ELIGIBILITY");
    /** The image refuses to start without these. */
    static final Set<String> REGISTRY_REQUIRED = Set.of("SCHEMA_REGISTRY_HOST_NAME",
            "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS");

    private ThirdPartySettings() {
    }

    /** {@code KAFKA_LOG_DIRS} → {@code log.dirs} ({@code ___} is a dash, {@code __} an underscore). */
    static String kafkaProperty(String variable) {
        return variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                .replace("___", "-").replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }

    static boolean isKafkaBrokerProperty(String property) {
        return AbstractKafkaConfig.CONFIG_DEF.names().contains(property);
    }

    /** The server.properties the image writes from the environment. */
    static Map<String, String> kafkaProperties(Map<String, String> env) {
        Map<String, String> properties = new HashMap<>();
        env.forEach((key, value) -> {
            if (key.startsWith("KAFKA_") && !KAFKA_SCRIPT_VARIABLES.contains(key)) {
                properties.put(kafkaProperty(key), value);
            }
        });
        return properties;
    }

    /**
     * Validates the broker configuration the way the broker does at start.
     *
     * @throws RuntimeException (Kafka's ConfigException or IllegalArgumentException) saying what is wrong
     */
    static void validateKafka(Map<String, String> properties) {
        new KafkaConfig(properties);
    }
}
