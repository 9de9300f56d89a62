package io.churnwatch.scoring;

import io.churnwatch.schemas.ChurnAlert;
import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.SegmentChange;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.registry.SchemaRegistryClient;
import io.churnwatch.schemas.serde.AvroSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;

/** The scorer attached to a features stream, in a TopologyTestDriver with an in-memory registry of its own. */
final class ScoringHarness implements AutoCloseable {

    final TopologyTestDriver driver;
    final TestInputTopic<String, CustomerFeatures> features;
    final TestInputTopic<String, ModelRelease> models;
    final TestInputTopic<String, String> operatorSettings;
    final TestOutputTopic<String, CustomerScore> scores;
    final TestOutputTopic<String, ChurnAlert> alerts;
    final TestOutputTopic<String, SegmentChange> segmentChanges;
    private final Path stateDir;

    ScoringHarness(ScoringSettings settings) {
        SchemaRegistryClient registry = SchemaRegistryClient.forUrl("mock://" + UUID.randomUUID());
        ScoringSerdes serdes = ScoringSerdes.using(registry);
        AvroSerde<CustomerFeatures> featureSerde = new AvroSerde<>(CustomerFeatures.class, registry);
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, CustomerFeatures> stream = builder.stream(Topics.CUSTOMER_FEATURES,
                Consumed.with(Serdes.String(), featureSerde));
        ScoringTopology.attach(builder, stream, settings, serdes);
        try {
            stateDir = Files.createTempDirectory("scoring-ttd");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props);
        features = driver.createInputTopic(Topics.CUSTOMER_FEATURES, new StringSerializer(),
                featureSerde.serializer());
        models = driver.createInputTopic(Topics.MODELS, new StringSerializer(), serdes.releases().serializer());
        operatorSettings = driver.createInputTopic(Topics.SETTINGS, new StringSerializer(), new StringSerializer());
        scores = driver.createOutputTopic(Topics.CUSTOMER_SCORES, new StringDeserializer(),
                serdes.scores().deserializer());
        alerts = driver.createOutputTopic(Topics.CHURN_ALERTS, new StringDeserializer(),
                serdes.alerts().deserializer());
        segmentChanges = driver.createOutputTopic(Topics.SEGMENT_CHANGES, new StringDeserializer(),
                serdes.segmentChanges().deserializer());
    }

    /** Sends features as the main topology does: keyed by customer, timestamped with their instant. */
    CustomerScore score(CustomerFeatures customer) {
        features.pipeInput(customer.getCustomerId(), customer, customer.getAsOf());
        return scores.readValue();
    }

    void publish(String key, ModelRelease release) {
        models.pipeInput(key, release);
    }

    /** Writes an operator setting as any client would: plain text, {@code null} for a tombstone. */
    void setting(String name, String value) {
        operatorSettings.pipeInput(name, value);
    }

    KeyValueStore<String, CustomerScore> scoreStore() {
        return driver.getKeyValueStore(ScoringTopology.CUSTOMER_SCORES_STORE);
    }

    KeyValueStore<String, ModelRelease> modelStore() {
        return driver.getKeyValueStore(ScoringTopology.MODELS_STORE);
    }

    @Override
    public void close() {
        driver.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temp directory left behind is not worth failing a test for.
        }
    }
}
