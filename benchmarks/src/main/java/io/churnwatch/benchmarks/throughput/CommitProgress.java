package io.churnwatch.benchmarks.throughput;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.churnwatch.schemas.Topics;
import io.churnwatch.streams.ChurnwatchTopology;

/**
 * Whether a Kafka Streams application has processed, and committed, everything in {@code orders}: its committed
 * offsets on {@code orders} and on its repartition topic have reached the end of both.
 *
 * <p>{@code orders} is written without transactions, so its end offset is the offset after its last record. The
 * repartition topic is written inside the app's transactions, so its last offset is a commit marker, which the
 * app only commits past once it happens to fetch it: there, one short of the end already means every record.
 */
final class CommitProgress {

    private final Admin admin;
    private final String applicationId;
    private final String repartitionTopic;

    CommitProgress(Admin admin, String applicationId) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.repartitionTopic = applicationId + "-" + ChurnwatchTopology.REPARTITION_NAME + "-repartition";
    }

    /** True once everything is committed; false while not, or while the app's topics do not exist yet. */
    boolean done() throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get();
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.ORDERS, repartitionTopic))
                    .allTopicNames().get();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            topics.values().forEach(topic -> topic.partitions().forEach(p ->
                    request.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get();
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                long position = offset == null ? 0 : offset.offset();
                long needed = end.getKey().topic().equals(Topics.ORDERS) ? end.getValue().offset()
                        : end.getValue().offset() - 1;
                if (position < needed) {
                    return false;
                }
            }
            return true;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
