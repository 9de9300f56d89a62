package io.churnwatch.streams;

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
}
