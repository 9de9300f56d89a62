package io.churnwatch.serving.streams;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.scoring.ScoringTopics;

/**
 * Creates the scorer's topics when missing, as the streams app does for its own, exactly as
 * {@link ScoringTopics#newTopics} describes them: {@code models} with one partition and room for multi-MiB
 * boosters, the compacted {@code customer-scores}, the {@code churn-alerts} and {@code segment-changes} logs, and
 * the compacted {@code churnwatch-settings}. Without {@code models} or {@code churnwatch-settings} a global
 * store's source is missing and Kafka Streams would not start.
 */
final class ScorerTopics {

    private static final Logger LOG = LoggerFactory.getLogger(ScorerTopics.class);

    /** The topics {@link #ensure} creates. */
    static final List<String> NAMES = ScoringTopics.newTopics(1, (short) 1).stream().map(NewTopic::name).toList();

    private ScorerTopics() {
    }

    static void ensure(Admin admin, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = ScoringTopics.newTopics(partitions, replicationFactor).stream()
                .filter(topic -> !existing.contains(topic.name())).toList();
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
