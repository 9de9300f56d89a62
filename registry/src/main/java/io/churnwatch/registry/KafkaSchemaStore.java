package io.churnwatch.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry's records on a compacted single-partition Kafka topic ({@code _schemas} by default, the
 * layout of Confluent's registry). One partition keeps every record in order; compaction keeps the latest value
 * of each key, which is all a replay needs.
 *
 * <p>Writes wait for the broker's acknowledgement from all in-sync replicas, so a record the registry answered
 * for is on the log. Single writer: nothing here coordinates two registries on one topic.
 */
public final class KafkaSchemaStore implements SchemaStore {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final String bootstrapServers;
    private final String topic;
    private final TopicPartition partition;
    private final Duration timeout;
    private final KafkaProducer<byte[], byte[]> producer;

    private KafkaSchemaStore(String bootstrapServers, String topic, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.timeout = timeout;
        this.producer = new KafkaProducer<>(producerProps(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Connects to the cluster, creating the topic if it is missing.
     *
     * @param timeout how long start-up and each write may take (the broker may still be starting)
     * @throws IllegalStateException when the topic cannot be created or has more than one partition
     */
    public static KafkaSchemaStore open(String bootstrapServers, String topic, short replicationFactor,
                                        Duration timeout) {
        ensureTopic(bootstrapServers, topic, replicationFactor, timeout);
        return new KafkaSchemaStore(bootstrapServers, topic, timeout);
    }

    @Override
    public List<StoreRecord> readAll() {
        List<StoreRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(consumerProps(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            Instant deadline = Instant.now().plus(timeout);
            while (consumer.position(partition, timeout) < end) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read topic '" + topic + "' to its end offset " + end
                            + " within " + timeout + " (stopped at " + consumer.position(partition) + ")");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_INTERVAL)) {
                    if (record.offset() < end) {
                        StoreRecordCodec.decode(record.key(), record.value()).ifPresent(records::add);
                    }
                }
            }
            LOG.info("Read {} registry record(s) from '{}' up to offset {}", records.size(), topic, end);
        }
        return records;
    }

    @Override
    public void append(StoreRecord record) {
        StoreRecordCodec.Encoded encoded = StoreRecordCodec.encode(record);
        try {
            producer.send(new ProducerRecord<>(topic, 0, encoded.key(), encoded.value()))
                    .get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryErrors.storeError("Interrupted while writing to '" + topic + "'", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw RegistryErrors.storeError("Could not write to the registry's topic '" + topic + "' on "
                    + bootstrapServers + ": " + cause, cause);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        int timeoutMs = (int) timeout.toMillis();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(timeoutMs));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.min(timeoutMs, 15_000)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Math.max(timeoutMs, 15_000)));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "churnwatch-registry-writer");
        return props;
    }

    private Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "churnwatch-registry-reader");
        return props;
    }

    private static void ensureTopic(String bootstrapServers, String topic, short replicationFactor, Duration timeout) {
        int timeoutMs = (int) timeout.toMillis();
        // The admin client refuses an API timeout shorter than its request timeout.
        Map<String, Object> adminProps = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 30_000));
        try (Admin admin = Admin.create(adminProps)) {
            TopicDescription description = describe(admin, topic, timeout);
            if (description == null) {
                create(admin, topic, replicationFactor, timeout);
                return;
            }
            if (description.partitions().size() != 1) {
                throw new IllegalStateException("The registry topic '" + topic + "' has "
                        + description.partitions().size() + " partitions; it needs exactly 1 to keep records in order.");
            }
            warnIfNotCompacted(admin, topic, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing topic '" + topic + "'", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("Could not prepare the registry topic '" + topic + "' on "
                    + bootstrapServers + ": " + cause, cause);
        }
    }

    private static TopicDescription describe(Admin admin, String topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return admin.describeTopics(Set.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    private static void create(Admin admin, String topic, short replicationFactor, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        NewTopic newTopic = new NewTopic(topic, 1, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created registry topic '{}' (1 partition, compacted, replication factor {})", topic,
                    replicationFactor);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void warnIfNotCompacted(Admin admin, String topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG) == null ? ""
                : config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            LOG.warn("The registry topic '{}' has cleanup.policy={}: with deletion, old schemas can vanish. Set it to"
                    + " compact.", topic, policy);
        }
    }
}
