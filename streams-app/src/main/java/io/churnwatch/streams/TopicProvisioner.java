package io.churnwatch.streams;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.schemas.Topics;
import io.churnwatch.streams.config.Setting;

/**
 * Creates the topics the app reads and writes, if missing: {@code orders} and {@code orders-dlq} as plain
 * logs, {@code customer-features} and {@code feature-snapshots} compacted (latest value per key is what
 * matters). Existing topics are left as they are. Internal topics are Kafka Streams' own business.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    /** The topics and whether each is compacted. */
    public static Map<String, Boolean> topics() {
        return Map.of(Topics.ORDERS, false, Topics.ORDERS_DLQ, false,
                Topics.CUSTOMER_FEATURES, true, Topics.FEATURE_SNAPSHOTS, true);
    }

    public static void ensureTopics(Admin admin, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = topics().entrySet().stream()
                .filter(topic -> !existing.contains(topic.getKey()))
                .map(topic -> new NewTopic(topic.getKey(), partitions, replicationFactor).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        topic.getValue() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE)))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            // Another instance created it a moment ago.
        }
        LOG.info("Created topics {} with {} partitions", missing.stream().map(NewTopic::name).toList(), partitions);
    }

    /**
     * Fails when {@code orders} exists with another partition count than the configured one: orders keyed by
     * customer skip the repartition hop by trusting that count, so a wrong one would split customers' state
     * between tasks. Does nothing when {@code orders} does not exist yet (Kafka Streams waits for it).
     */
    public static void verifyOrdersPartitions(Admin admin, int expected) throws InterruptedException, ExecutionException {
        TopicDescription orders;
        try {
            orders = admin.describeTopics(List.of(Topics.ORDERS)).allTopicNames().get().get(Topics.ORDERS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return;
            }
            throw e;
        }
        int actual = orders.partitions().size();
        if (actual != expected) {
            throw new IllegalStateException("Topic " + Topics.ORDERS + " has " + actual + " partitions but "
                    + Setting.TOPIC_PARTITIONS.envVar() + " is " + expected + ": set it to " + actual);
        }
    }
}
