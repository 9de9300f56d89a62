package io.churnwatch.trainer.kafka;

import io.churnwatch.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operators' requests for a training now ({@code POST /admin/models/retrain} on a serving node), read by a
 * scheduled trainer from the compacted {@code churnwatch-settings} topic under the key {@value #KEY}. Only requests
 * made after the start of the last run count: an earlier one was answered by that run, or by one before it, and a
 * run that was already reading when the request came has data older than the operator wanted. No consumer group,
 * nothing committed; a topic that does not exist yet is looked for again at each poll.
 */
public final class RetrainRequests implements AutoCloseable {

    /** The settings key; its value says who asked and why, for the log. */
    public static final String KEY = "retrain-requested";

    private static final Logger LOG = LoggerFactory.getLogger(RetrainRequests.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);

    /** A request: when it was written and what it says. */
    public record Request(Instant at, String note) {
    }

    private final KafkaConsumer<String, String> consumer;
    private boolean assigned;

    public RetrainRequests(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "churnwatch-trainer-retrain-requests");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /**
     * The latest request made after {@code lastRunStarted} that arrived since the previous poll, if any. Waits up
     * to {@code timeout} for records; never throws on a broker that cannot be reached (it logs and says none).
     */
    public Optional<Request> poll(Instant lastRunStarted, Duration timeout) {
        try {
            if (!assigned && !assign()) {
                return Optional.empty();
            }
            Request latest = null;
            for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
                Instant at = Instant.ofEpochMilli(record.timestamp());
                if (KEY.equals(record.key()) && record.value() != null && at.isAfter(lastRunStarted)) {
                    latest = new Request(at, record.value());
                }
            }
            return Optional.ofNullable(latest);
        } catch (KafkaException e) {
            LOG.warn("Cannot read retrain requests from '{}': {}", Topics.SETTINGS, e.getMessage());
            return Optional.empty();
        }
    }

    private boolean assign() {
        List<PartitionInfo> partitions = consumer.partitionsFor(Topics.SETTINGS, METADATA_TIMEOUT);
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> all = partitions.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(all);
        // From the start, not the end: a request written just before the assignment counts, and the timestamp check
        // above drops everything the last run already answered.
        consumer.seekToBeginning(all);
        assigned = true;
        return true;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
