package io.churnwatch.serving.streams;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until topics are in the brokers' metadata with a leader for every partition. A topic creation returns
 * once the controller has it, and a loaded broker can take a moment longer to serve it: a global store started
 * in between finds no partition of {@code models} and puts the whole Kafka Streams instance into ERROR.
 */
final class TopicsVisible {

    private static final Logger LOG = LoggerFactory.getLogger(TopicsVisible.class);
    private static final long POLL_MILLIS = 100;

    private TopicsVisible() {
    }

    /** Returns when every topic is visible, or after {@code timeout} with a warning (Kafka Streams then decides). */
    static void await(Admin admin, Collection<String> topics, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!visible(admin, topics)) {
            if (System.nanoTime() > deadline) {
                LOG.warn("Topics {} are not all in the broker metadata after {}; starting anyway", topics, timeout);
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static boolean visible(Admin admin, Collection<String> topics) throws InterruptedException {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
            return described.values().stream().allMatch(topic -> !topic.partitions().isEmpty()
                    && topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        } catch (ExecutionException e) {
            // UnknownTopicOrPartitionException while the broker catches up.
            return false;
        }
    }
}
