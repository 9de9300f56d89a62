package io.churnwatch.benchmarks.throughput;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.registry.SchemaRegistryClient;
import io.churnwatch.schemas.serde.AvroDeserializer;

/**
 * The baseline: a bare {@link KafkaConsumer} reading {@code orders} from the beginning to the end, either only
 * the bytes or also decoding every order (the least any consumer of the topic does), and counting order lines.
 */
public final class BaselineDrain {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    /** What was read and how long it took, from creating the consumer to the last record. */
    public record Drained(long records, long lines, Duration duration) {
    }

    private BaselineDrain() {
    }

    public static Drained drain(String bootstrapServers, String registryUrl, long expected, boolean decode) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "baseline-drain");
        AvroDeserializer<OrderEvent> orders = new AvroDeserializer<>(OrderEvent.class,
                SchemaRegistryClient.forUrl(registryUrl));
        long started = System.nanoTime();
        long records = 0;
        long lines = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            if (total != expected) {
                throw new IllegalStateException("orders holds " + total + " records, expected " + expected);
            }
            long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
            while (records < total) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the baseline read only " + records + " of " + total + " records");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    if (decode) {
                        lines += orders.deserialize(record.topic(), record.value()).getLines().size();
                    }
                }
            }
        }
        return new Drained(records, lines, Duration.ofNanos(System.nanoTime() - started));
    }
}
