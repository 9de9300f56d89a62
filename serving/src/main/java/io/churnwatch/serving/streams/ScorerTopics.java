package io.churnwatch.serving.streams;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.schemas.Topics;

/**
 * Creates the scorer's topics when missing, as the streams app does for its own: {@code models} with one
 * partition (so {@code current} and the versions share one order) and room for multi-MiB boosters, the
 * compacted {@code customer-scores}, and the {@code churn-alerts} and {@code segment-changes} logs. Without
 * {@code models} the global store's source is missing and Kafka Streams would not start.
 */
final class ScorerTopics {

    private static final Logger LOG = LoggerFactory.getLogger(ScorerTopics.class);
    /** As the trainer's publisher: a booster of a thousand trees is a few MiB. */
    private static final String MAX_RELEASE_BYTES = String.valueOf(32 * 1024 * 1024);

    /** The topics {@link #ensure} creates. */
    static final List<String> NAMES = List.of(Topics.MODELS, Topics.CUSTOMER_SCORES, Topics.CHURN_ALERTS,
            Topics.SEGMENT_CHANGES);

    private ScorerTopics() {
    }

    static void ensure(Admin admin, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> wanted = List.of(
                new NewTopic(Topics.MODELS, 1, replicationFactor).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_RELEASE_BYTES)),
                new NewTopic(Topics.CUSTOMER_SCORES, partitions, replicationFactor).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(Topics.CHURN_ALERTS, partitions, replicationFactor),
                new NewTopic(Topics.SEGMENT_CHANGES, partitions, replicationFactor));
        List<NewTopic> missing = wanted.stream().filter(topic -> !existing.contains(topic.name())).toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get();
            LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
