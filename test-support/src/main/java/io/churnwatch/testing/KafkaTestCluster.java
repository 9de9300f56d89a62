package io.churnwatch.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka cluster (KRaft, in this JVM) for tests. It is the only class in the project that touches
 * Kafka's test kit, so a Kafka upgrade changes one file.
 *
 * <pre>{@code
 * try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
 *     kafka.createTopics("orders");
 *     try (var producer = new KafkaProducer<String, String>(kafka.producerProps())) { ... }
 * }
 * }</pre>
 *
 * <p>Internal topics (consumer offsets, transaction state) are replicated to at most the number of brokers,
 * so transactions and exactly-once Kafka Streams work on a single broker.
 */
public final class KafkaTestCluster implements AutoCloseable {

    /** How long {@link #createTopics} waits for a new topic to have a leader on every partition. */
    private static final Duration TOPIC_READY_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaClusterTestKit cluster;
    private final int brokerCount;
    private Admin admin;

    private KafkaTestCluster(KafkaClusterTestKit cluster, int brokerCount) {
        this.cluster = cluster;
        this.brokerCount = brokerCount;
    }

    /** Starts one combined broker and controller. */
    public static KafkaTestCluster start() {
        return builder().start();
    }

    /** Starts {@code brokers} brokers; the first also acts as the single KRaft controller. */
    public static KafkaTestCluster start(int brokers) {
        return builder().brokers(brokers).start();
    }

    /** For clusters that need extra broker settings, e.g. {@code builder().brokerProperty("log.retention.ms", "-1")}. */
    public static Builder builder() {
        return new Builder();
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public int brokerCount() {
        return brokerCount;
    }

    /** Creates single-partition topics and waits until every one has a leader. */
    public void createTopics(String... names) {
        createTopics(Arrays.stream(names).map(name -> new NewTopic(name, 1, replicationFactor())).toList());
    }

    /** Creates a topic with {@code partitions} partitions and waits until it has leaders. */
    public void createTopic(String name, int partitions) {
        createTopics(List.of(new NewTopic(name, partitions, replicationFactor())));
    }

    /** Creates a log-compacted topic (latest value per key survives), as the app's state topics are. */
    public void createCompactedTopic(String name, int partitions) {
        NewTopic topic = new NewTopic(name, partitions, replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        createTopics(List.of(topic));
    }

    /** Creates the given topics exactly as described and waits until every partition has a leader. */
    public void createTopics(List<NewTopic> topics) {
        try {
            admin().createTopics(topics).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topics " + topics + ": " + e.getCause(), e.getCause());
        }
        awaitLeaders(topics.stream().map(NewTopic::name).toList());
    }

    /**
     * An admin client shared by this cluster and closed by {@link #close()}; do not close it yourself.
     */
    public synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        }
        return admin;
    }

    /**
     * Producer settings with String serializers, {@code acks=all} and idempotence on; callers override the
     * serializers or add {@code transactional.id} as they need.
     */
    public Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return props;
    }

    /** Producer settings for a transactional (exactly-once) producer with the given transactional id. */
    public Properties transactionalProducerProps(String transactionalId) {
        Properties props = producerProps();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return props;
    }

    /**
     * Consumer settings with String deserializers that read from the earliest offset and only see committed
     * transactional records ({@code read_committed}).
     */
    public Properties consumerProps(String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    /** Stops every broker and controller and deletes their data. */
    @Override
    public synchronized void close() {
        try {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
                admin = null;
            }
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the Kafka test cluster cleanly", e);
        }
    }

    private short replicationFactor() {
        return (short) Math.min(brokerCount, 3);
    }

    private void awaitLeaders(List<String> topics) {
        Instant deadline = Instant.now().plus(TOPIC_READY_TIMEOUT);
        List<String> pending = new ArrayList<>(topics);
        while (!pending.isEmpty()) {
            pending.removeIf(this::hasLeaderOnEveryPartition);
            if (pending.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topics " + pending + " have no leader after " + TOPIC_READY_TIMEOUT);
            }
            pause(Duration.ofMillis(50));
        }
    }

    private boolean hasLeaderOnEveryPartition(String topic) {
        try {
            TopicDescription description = admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false; // metadata not yet propagated to the broker that answered
            }
            throw new IllegalStateException("could not describe topic " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for topic " + topic, e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Settings for a cluster; {@link #start()} formats storage, starts the nodes and waits until brokers are ready. */
    public static final class Builder {
        private int brokers = 1;
        private final Map<String, String> brokerProperties = new HashMap<>();

        private Builder() {
        }

        public Builder brokers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("a cluster needs at least one broker, got " + count);
            }
            this.brokers = count;
            return this;
        }

        /** Overrides or adds one broker setting (applied after the test defaults). */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(key, value);
            return this;
        }

        public KafkaTestCluster start() {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(brokers)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            TestBrokerDefaults.forBrokers(brokers).forEach(builder::setConfigProp);
            brokerProperties.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = null;
            try {
                cluster = builder.build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                return new KafkaTestCluster(cluster, brokers);
            } catch (Exception e) {
                closeQuietly(cluster, e);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("could not start a Kafka test cluster with " + brokers + " broker(s)", e);
            }
        }

        private static void closeQuietly(KafkaClusterTestKit cluster, Exception cause) {
            if (cluster == null) {
                return;
            }
            try {
                cluster.close();
            } catch (Exception closeFailure) {
                cause.addSuppressed(closeFailure);
            }
        }
    }
}
