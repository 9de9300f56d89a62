package io.churnwatch.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.churnwatch.schemas.ChurnAlert;
import io.churnwatch.schemas.Topics;
import io.churnwatch.scoring.ScoringSerdes;
import io.churnwatch.testing.KafkaTestCluster;

/**
 * What a CRM reading {@code churn-alerts} with {@code isolation.level=read_committed} sees, and whether the
 * application has committed its position at the end of its input (so that nothing more can come from it).
 */
final class CommittedAlerts {

    private CommittedAlerts() {
    }

    /** Every committed alert, from the beginning of the topic to its last stable offset. */
    static List<ChurnAlert> readAll(KafkaTestCluster kafka, String registryUrl) {
        ScoringSerdes serdes = ScoringSerdes.forRegistryUrl(registryUrl);
        Properties props = kafka.consumerProps("alert-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ChurnAlert> alerts = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CHURN_ALERTS, Duration.ofSeconds(10))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed, the end offsets are the last stable offsets: all that is committed so far.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    alerts.add(serdes.alerts().deserializer().deserialize(record.topic(), record.value()));
                }
            }
        }
        return alerts;
    }

    /**
     * Whether the application's consumer group has committed, on every partition of each topic, the offset at
     * the end: under exactly-once its outputs up to there are then committed too. Give the topics in the order
     * data flows through them (source, then repartition topics), so that a later one's end is read after the
     * earlier one was drained.
     */
    static boolean consumedToEnd(Admin admin, String applicationId, String... topics) {
        try {
            for (String topic : topics) {
                List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                        .get(topic).partitions().stream().map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get();
                // A partition nothing was ever written to has no committed offset, and nothing to wait for (orders
                // keyed by customer skip the repartition topic).
                boolean drained = partitions.stream().allMatch(p -> ends.get(p).offset() == 0
                        || committed.get(p) != null && committed.get(p).offset() >= ends.get(p).offset());
                if (!drained) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            return false;
        }
    }
}
