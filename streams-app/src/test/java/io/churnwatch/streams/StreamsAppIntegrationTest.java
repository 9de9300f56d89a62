package io.churnwatch.streams;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.churnwatch.streams.validation.DlqHeaders;
import io.churnwatch.testing.KafkaClusterExtension;

/** The app on a real KRaft broker with exactly_once_v2: Avro orders in, features, snapshots and DLQ out. */
class StreamsAppIntegrationTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private KafkaStreams streams;
    private Path stateDir;

    @AfterEach
    void stop() throws Exception {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
        }
        if (stateDir != null) {
            try (var files = Files.walk(stateDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void ordersBecomeFeaturesAndSnapshotsAndGarbageBecomesADlqRecord() throws Exception {
        stateDir = Files.createTempDirectory("churnwatch-it");
        String registry = "mock://it-" + UUID.randomUUID();
        StreamsAppConfig config = StreamsAppConfig.from(Map.of(
                "CHURNWATCH_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(),
                "CHURNWATCH_SCHEMA_REGISTRY_URL", registry,
                "CHURNWATCH_APPLICATION_ID", "churnwatch-it",
                "CHURNWATCH_STATE_DIR", stateDir.toString(),
                "CHURNWATCH_TOPIC_PARTITIONS", "2",
                "CHURNWATCH_REORDER_GRACE", "0"));
        assertThat(config.processingGuarantee()).isEqualTo("exactly_once_v2");
        TopicProvisioner.ensureTopics(KAFKA.cluster().admin(), config.topicPartitions(), config.replicationFactor());
        assertThat(cleanupPolicy(Topics.CUSTOMER_FEATURES)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(cleanupPolicy(Topics.FEATURE_SNAPSHOTS)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(cleanupPolicy(Topics.ORDERS)).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);

        ChurnwatchSerdes serdes = ChurnwatchSerdes.forRegistryUrl(registry);
        streams = StreamsApp.start(ChurnwatchTopology.build(config.topology(), serdes), config);
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);

        OrderEvent first = purchase("o1", "c1", "2011-08-10T10:00:00Z", line("A", 2, 500));
        List<OrderEvent> orders = List.of(first,
                purchase("o2", "c2", "2011-08-12T10:00:00Z", line("B", 1, 700)),
                first,
                purchase("o3", "c1", "2011-09-03T10:00:00Z", line("C", 1, 300)),
                purchase("o4", "c2", "2011-09-04T10:00:00Z", line("B", 1, 700)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps())) {
            for (OrderEvent order : orders) {
                // o3 is keyed by its order id: it takes the repartition hop, the others are placed already, and
                // c1's state must still count both of its orders.
                String key = order.getOrderId().equals("o3") ? "o3" : order.getCustomerId();
                producer.send(new ProducerRecord<>(Topics.ORDERS, key,
                        serdes.orders().serializer().serialize(Topics.ORDERS, order)));
            }
            producer.send(new ProducerRecord<>(Topics.ORDERS, "c1", "not avro".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }

        Map<String, CustomerFeatures> features = new HashMap<>();
        Map<String, FeatureSnapshot> snapshots = new HashMap<>();
        List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps())) {
            consumer.subscribe(List.of(Topics.CUSTOMER_FEATURES, Topics.FEATURE_SNAPSHOTS, Topics.ORDERS_DLQ));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    switch (record.topic()) {
                        case Topics.CUSTOMER_FEATURES -> features.put(record.key(),
                                serdes.features().deserializer().deserialize(record.topic(), record.value()));
                        case Topics.FEATURE_SNAPSHOTS -> snapshots.put(record.key(),
                                serdes.snapshots().deserializer().deserialize(record.topic(), record.value()));
                        default -> dead.add(record);
                    }
                }
                return !dead.isEmpty() && snapshots.size() == 4 && features.containsKey("c1")
                        && features.get("c1").getOrders() == 2 && features.containsKey("c2")
                        && features.get("c2").getOrders() == 2;
            });
        }

        assertThat(features.get("c1").getGrossRevenueMinor()).isEqualTo(1300);
        // The monthly cutoff and, by default, the 90-day label horizon of the one before (2011-06-01 + 90 days).
        assertThat(snapshots).containsOnlyKeys("c1|2011-08-30", "c1|2011-09-01", "c2|2011-08-30", "c2|2011-09-01");
        assertThat(snapshots.get("c1|2011-09-01").getFeatures().getOrders()).isEqualTo(1);
        assertThat(snapshots.get("c1|2011-09-01").getFeatures().getGrossRevenueMinor()).isEqualTo(1000);
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
        assertThat(DlqHeaders.read(dead.get(0).headers(), DlqHeaders.REASON)).isEqualTo("UNDECODABLE_UNKNOWN_MAGIC_BYTE");
        assertThat(DlqHeaders.read(dead.get(0).headers(), DlqHeaders.TOPIC)).isEqualTo(Topics.ORDERS);
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private static String cleanupPolicy(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = KAFKA.cluster().admin().describeConfigs(List.of(resource)).all().get().get(resource);
        return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }

    private static Properties producerProps() {
        Properties props = KAFKA.cluster().producerProps();
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    private static Properties consumerProps() {
        Properties props = KAFKA.cluster().consumerProps("it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }
}
