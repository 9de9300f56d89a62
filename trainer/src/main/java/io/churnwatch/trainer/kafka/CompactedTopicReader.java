package io.churnwatch.trainer.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a compacted topic from the beginning up to the end offsets it had when reading started, keeping the latest
 * value per key (a tombstone removes the key), exactly what compaction converges to. Records written meanwhile
 * are left for the next read, so a run sees one consistent cut of the topic. No consumer group: partitions are
 * assigned directly and nothing is committed.
 */
public final class CompactedTopicReader<V extends SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(500);

    /** Hears how far reading has come: records read of roughly {@code total} (compaction leaves gaps). */
    @FunctionalInterface
    public interface Progress {
        void read(long records, long total);
    }

    private final String bootstrapServers;
    private final Deserializer<V> values;
    private final Duration stallTimeout;

    /**
     * @param stallTimeout give up when no record arrives for this long while the end offsets are not reached
     */
    public CompactedTopicReader(String bootstrapServers, Deserializer<V> values, Duration stallTimeout) {
        this.bootstrapServers = bootstrapServers;
        this.values = values;
        this.stallTimeout = stallTimeout;
    }

    /**
     * The latest value per key. {@code keyOf} names a record whose Kafka key is null. An absent topic reads as
     * empty (with a warning): the trainer may start before the app has created its topics.
     */
    public Map<String, V> readAll(String topic, Function<V, String> keyOf, Progress progress) {
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(properties(topic), new StringDeserializer(),
                values)) {
            Map<String, List<PartitionInfo>> topics = consumer.listTopics(stallTimeout);
            if (!topics.containsKey(topic)) {
                LOG.warn("topic '{}' does not exist on {}: read as empty", topic, bootstrapServers);
                return Map.of();
            }
            List<TopicPartition> partitions = topics.get(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, stallTimeout);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, stallTimeout);
            long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            Map<String, V> latest = new HashMap<>();
            long read = 0;
            long skipped = 0;
            Instant lastProgress = Instant.now();
            while (!reachedEnd(consumer, end)) {
                Iterable<ConsumerRecord<String, V>> records;
                try {
                    records = consumer.poll(POLL);
                } catch (RecordDeserializationException e) {
                    // A record no schema can read must not stop training: skip it, say so, carry on.
                    LOG.error("skipping unreadable record at {} offset {}: {}", e.topicPartition(), e.offset(),
                            e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                    skipped++;
                    continue;
                }
                int batch = 0;
                for (ConsumerRecord<String, V> record : records) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    batch++;
                    String key = record.key() != null ? record.key()
                            : record.value() != null ? keyOf.apply(record.value()) : null;
                    if (key == null) {
                        continue;
                    }
                    if (record.value() == null) {
                        latest.remove(key);
                    } else {
                        latest.put(key, record.value());
                    }
                }
                read += batch;
                if (batch > 0) {
                    lastProgress = Instant.now();
                    progress.read(read, total);
                } else if (Duration.between(lastProgress, Instant.now()).compareTo(stallTimeout) > 0) {
                    throw new IllegalStateException("reading '" + topic + "' from " + bootstrapServers
                            + " stalled: no record for " + stallTimeout + " at " + read + " of about " + total);
                }
            }
            progress.read(read, total);
            if (skipped > 0) {
                LOG.warn("{} unreadable record(s) skipped on '{}'", skipped, topic);
            }
            return latest;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Properties properties(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "churnwatch-trainer-" + topic);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
