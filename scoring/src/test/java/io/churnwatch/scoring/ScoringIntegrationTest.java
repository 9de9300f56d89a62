package io.churnwatch.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.churnwatch.schemas.ChurnAlert;
import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.SegmentChange;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.registry.SchemaRegistryClient;
import io.churnwatch.schemas.serde.AvroSerde;
import io.churnwatch.scoring.fixtures.TestReleases;
import io.churnwatch.testing.KafkaClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scorer on a real KRaft broker with exactly-once: releases through the compacted models topic, scores,
 * alerts and segment changes out, the stores queryable, and after a restart the release restored from the global
 * store is used again without being re-published.
 */
class ScoringIntegrationTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final Instant AS_OF = Instant.parse("2011-06-01T00:00:00Z");

    private final String registryUrl = "mock://scoring-it-" + UUID.randomUUID();
    private final SchemaRegistryClient registry = SchemaRegistryClient.forUrl(registryUrl);
    private final ScoringSerdes serdes = ScoringSerdes.using(registry);
    private final AvroSerde<CustomerFeatures> featureSerde = new AvroSerde<>(CustomerFeatures.class, registry);
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
    void scoresAlertsAndSegmentChangesFlowAndTheReleaseSurvivesARestart() throws Exception {
        stateDir = Files.createTempDirectory("scoring-it");
        KAFKA.cluster().createTopics(new ArrayList<>(ScoringTopics.newTopics(2, (short) 1)));
        KAFKA.cluster().createTopic(Topics.CUSTOMER_FEATURES, 2);
        streams = start();
        Map<String, CustomerScore> scores = new HashMap<>();
        List<ChurnAlert> alerts = new ArrayList<>();
        List<SegmentChange> changes = new ArrayList<>();

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps())) {
            consumer.subscribe(List.of(Topics.CUSTOMER_SCORES, Topics.CHURN_ALERTS, Topics.SEGMENT_CHANGES));
            publish(producer, TestReleases.first(0.5));
            // Releases and features are different topics with no order between them: wait for the release.
            awaitCurrentVersion(1L);
            sendFeatures(producer, TestReleases.LAPSED.at("lapsed", AS_OF));
            sendFeatures(producer, TestReleases.ACTIVE.at("active", AS_OF));

            await().atMost(Duration.ofSeconds(90)).until(() -> {
                poll(consumer, scores, alerts, changes);
                return version(scores, "lapsed") == 1L && version(scores, "active") == 1L && changes.size() == 2
                        && !alerts.isEmpty();
            });
            assertThat(alerts).extracting(ChurnAlert::getAlertId).containsExactly("lapsed:1");
            assertThat(changes).extracting(SegmentChange::getToSegment).containsExactlyInAnyOrder("Lapsing", "Active");
            ReadOnlyKeyValueStore<String, CustomerScore> scoreStore = streams.store(
                    StoreQueryParameters.fromNameAndType(ScoringTopology.CUSTOMER_SCORES_STORE,
                            QueryableStoreTypes.keyValueStore()));
            assertThat(scoreStore.get("lapsed")).isEqualTo(scores.get("lapsed"));

            // A new JVM would start with nothing in memory: only the restored global store knows release 1.
            streams.close(Duration.ofSeconds(30));
            streams = start();
            sendFeatures(producer, TestReleases.ACTIVE.at("newcomer", AS_OF.plusSeconds(60)));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                poll(consumer, scores, alerts, changes);
                return scores.containsKey("newcomer");
            });
            assertThat(version(scores, "newcomer")).isEqualTo(1L);

            publish(producer, TestReleases.second(0.5));
            awaitCurrentVersion(2L);
            sendFeatures(producer, TestReleases.LAPSED.at("lapsed", AS_OF.plusSeconds(120)));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                poll(consumer, scores, alerts, changes);
                return version(scores, "lapsed") == 2L;
            });
            assertThat(alerts).as("the lapsed customer's episode goes on under the new release").hasSize(1);
        }
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private KafkaStreams start() {
        StreamsBuilder builder = new StreamsBuilder();
        ScoringTopology.attach(builder, builder.stream(Topics.CUSTOMER_FEATURES,
                Consumed.with(Serdes.String(), featureSerde)), ScoringSettings.defaults(), serdes);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-it");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        KafkaStreams started = new KafkaStreams(builder.build(), props);
        started.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> started.state() == KafkaStreams.State.RUNNING);
        return started;
    }

    private void awaitCurrentVersion(long version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ReadOnlyKeyValueStore<String, ModelRelease> models = streams.store(StoreQueryParameters.fromNameAndType(
                    ScoringTopology.MODELS_STORE, QueryableStoreTypes.keyValueStore()));
            ModelRelease current = models.get("current");
            return current != null && current.getVersion() == version;
        });
    }

    private void publish(KafkaProducer<String, byte[]> producer, ModelRelease release) throws Exception {
        byte[] value = serdes.releases().serializer().serialize(Topics.MODELS, release);
        producer.send(new ProducerRecord<>(Topics.MODELS, "v" + release.getVersion(), value)).get();
        producer.send(new ProducerRecord<>(Topics.MODELS, "current", value)).get();
    }

    private void sendFeatures(KafkaProducer<String, byte[]> producer, CustomerFeatures features) throws Exception {
        producer.send(new ProducerRecord<>(Topics.CUSTOMER_FEATURES, null, features.getAsOf().toEpochMilli(),
                features.getCustomerId(), featureSerde.serializer().serialize(Topics.CUSTOMER_FEATURES, features)))
                .get();
    }

    private void poll(KafkaConsumer<String, byte[]> consumer, Map<String, CustomerScore> scores,
                      List<ChurnAlert> alerts, List<SegmentChange> changes) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            switch (record.topic()) {
                case Topics.CUSTOMER_SCORES -> scores.put(record.key(),
                        serdes.scores().deserializer().deserialize(record.topic(), record.value()));
                case Topics.CHURN_ALERTS -> alerts.add(
                        serdes.alerts().deserializer().deserialize(record.topic(), record.value()));
                default -> changes.add(
                        serdes.segmentChanges().deserializer().deserialize(record.topic(), record.value()));
            }
        }
    }

    private static Long version(Map<String, CustomerScore> scores, String customer) {
        CustomerScore score = scores.get(customer);
        return score == null || score.getModelVersion() == null ? -1L : score.getModelVersion();
    }

    private static Properties producerProps() {
        Properties props = KAFKA.cluster().producerProps();
        props.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        return props;
    }

    private static Properties consumerProps() {
        Properties props = KAFKA.cluster().consumerProps("scoring-it-reader-" + UUID.randomUUID());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        return props;
    }
}
