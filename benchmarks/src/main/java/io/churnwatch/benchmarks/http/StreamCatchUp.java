package io.churnwatch.benchmarks.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until the application has committed its position at the end of each of its input topics: under
 * exactly-once, everything it derived from them (state, scores) is then committed and queryable.
 */
final class StreamCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(StreamCatchUp.class);

    private StreamCatchUp() {
    }

    /** @param topics in the order data flows through them (source first, then repartition topics) */
    static void await(Admin admin, String applicationId, Duration timeout, String... topics) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long lastReport = started;
        while (true) {
            long behind = behind(admin, applicationId, topics);
            if (behind == 0) {
                LOG.info("The nodes have processed every order ({} s after loading)",
                        (System.nanoTime() - started) / 1_000_000_000);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the nodes were still " + behind + " records behind after " + timeout);
            }
            if (System.nanoTime() - lastReport > 15_000_000_000L) {
                LOG.info("Waiting for the nodes: {} records behind", behind);
                lastReport = System.nanoTime();
            }
            ServingNodeProcess.pause(Duration.ofSeconds(1));
        }
    }

    /** Records not yet committed by the group, summed over the first topic that is not drained; 0 when all are. */
    private static long behind(Admin admin, String applicationId, String... topics) {
        try {
            for (String topic : topics) {
                List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                        .partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get();
                long behind = partitions.stream().mapToLong(p -> Math.max(0, ends.get(p).offset()
                        - (committed.get(p) == null ? 0 : committed.get(p).offset()))).sum();
                if (behind > 0) {
                    return behind;
                }
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            // The repartition topic appears only once the nodes have created it.
            return Long.MAX_VALUE;
        }
    }
}
