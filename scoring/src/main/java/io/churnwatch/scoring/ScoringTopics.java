package io.churnwatch.scoring;

import io.churnwatch.schemas.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics the scorer reads and writes, as whoever provisions topics should create them: scores compacted
 * (latest per customer), alerts and segment changes as plain event logs, and {@code models} compacted with one
 * partition (so {@code current} and the versions share one order) and room for multi-MiB releases, as the trainer
 * creates it, and the operator settings compacted with one partition (every instance reads all of it).
 */
public final class ScoringTopics {

    /** A booster of a thousand trees is a few MiB in UBJSON: above Kafka's 1 MiB default. */
    public static final int MAX_RELEASE_BYTES = 32 * 1024 * 1024;

    private ScoringTopics() {
    }

    public static List<NewTopic> newTopics(int partitions, short replicationFactor) {
        return List.of(
                new NewTopic(Topics.MODELS, 1, replicationFactor).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_RELEASE_BYTES))),
                new NewTopic(Topics.CUSTOMER_SCORES, partitions, replicationFactor).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(Topics.CHURN_ALERTS, partitions, replicationFactor),
                new NewTopic(Topics.SEGMENT_CHANGES, partitions, replicationFactor),
                new NewTopic(Topics.SETTINGS, 1, replicationFactor).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }
}
