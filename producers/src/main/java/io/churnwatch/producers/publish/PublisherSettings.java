package io.churnwatch.producers.publish;

import io.churnwatch.schemas.serde.AvroSerdeConfig;
import io.churnwatch.schemas.serde.AvroSerializer;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Where and how order events are published.
 *
 * @param bootstrapServers  Kafka brokers, {@code host:port[,host:port...]}
 * @param schemaRegistryUrl {@code http://host:port} of a Confluent-API schema registry, or {@code mock://scope}
 *                          for an in-memory one (tests)
 * @param topic             the orders topic
 */
public record PublisherSettings(String bootstrapServers, String schemaRegistryUrl, String topic) {

    /** How long {@code send} may block for metadata or buffer space before the replay fails. */
    public static final int MAX_BLOCK_MS = 30_000;
    /** Batches of orders fill for up to this long: throughput over per-record latency for a replay. */
    public static final int LINGER_MS = 20;
    public static final int BATCH_SIZE_BYTES = 256 * 1024;

    /**
     * Producer settings: String keys (customer ids), Avro values in the Confluent wire format (the schema is
     * registered under {@code <topic>-value}), idempotence on with {@code acks=all} so that retries never
     * duplicate or reorder a customer's events.
     */
    public Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(LINGER_MS));
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_SIZE_BYTES));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(MAX_BLOCK_MS));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "churnwatch-replay");
        return props;
    }
}
