package io.churnwatch.cli.cluster;

import io.churnwatch.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * A few customers to try and the node that hosts each, as the nodes themselves say: any node answers a customer
 * query, naming the instance that served it in {@code X-Churnwatch-Served-By}, also for an unknown customer.
 */
final class KeyOwners {

    /** Customers of the sample the project ships, for a cluster whose orders topic is still empty. */
    static final List<String> FALLBACK_KEYS = List.of("12867", "14085", "15413", "16904");

    private static final Duration READ_FOR = Duration.ofSeconds(5);

    /** A sample key, its partition of the orders topic (-1 when unknown) and what a node said about it. */
    record Owner(String key, int partition, Optional<String> servedBy, int status) {
    }

    private KeyOwners() {
    }

    /** Up to {@code max} customer ids from the orders topic, one per partition, so they spread over the nodes. */
    static List<String> sampleKeys(String bootstrapServers, int max) {
        Map<Integer, String> byPartition = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.ORDERS, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                return FALLBACK_KEYS;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Instant until = Instant.now().plus(READ_FOR);
            while (byPartition.size() < Math.min(max, assigned.size()) && Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && byPartition.size() < max) {
                        byPartition.putIfAbsent(record.partition(), record.key());
                    }
                }
            }
        } catch (RuntimeException e) {
            return FALLBACK_KEYS;
        }
        return byPartition.isEmpty() ? FALLBACK_KEYS : new ArrayList<>(byPartition.values());
    }

    /** Asks {@code node} about each key; a 503 (a rebalance in between) is asked again a few times. */
    static List<Owner> ask(NodeSpec node, List<String> keys, int partitions) throws InterruptedException {
        List<Owner> owners = new ArrayList<>();
        for (String key : keys) {
            Optional<HttpProbe.Answer> answer = Optional.empty();
            for (int attempt = 0; attempt < 10; attempt++) {
                answer = HttpProbe.get(node.url() + "/customers/" + key);
                if (answer.isPresent() && answer.get().status() != 503) {
                    break;
                }
                Thread.sleep(500);
            }
            owners.add(new Owner(key, partitions > 0 ? partitionOf(key, partitions) : -1,
                    answer.flatMap(HttpProbe.Answer::servedBy), answer.map(HttpProbe.Answer::status).orElse(-1)));
        }
        return owners;
    }

    /** The producer's default partitioner for a string key. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
