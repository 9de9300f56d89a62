package io.churnwatch.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.serde.AvroSerde;
import io.churnwatch.schemas.serde.AvroSerdes;
import io.churnwatch.testing.KafkaClusterExtension;
import io.churnwatch.trainer.synthetic.SyntheticRetail;
import io.churnwatch.trainer.trainingset.Cutoffs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --once} against a real broker: snapshots produced to {@code feature-snapshots} in the wire format,
 * the release read back from {@code models}. The second run finds the first release and follows it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainCommandKafkaTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final String REGISTRY = "mock://trainer-cli-test";

    @TempDir
    static Path reports;

    @Test
    @Order(1)
    void trainOnceReadsTheSnapshotsAndPublishesTheFirstRelease() {
        KAFKA.cluster().createCompactedTopic(Topics.FEATURE_SNAPSHOTS, 3);
        produce(SyntheticRetail.snapshots(SyntheticRetail.Settings.of(1500, 18, 21L)));

        Run run = train();
        System.out.print(run.out());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(TrainCommand.OK);
        assertThat(run.out()).contains("reading feature-snapshots records", "fitting BG/NBD point-in-time at",
                "fitted BG/NBD at",
                "early stopping: boosting round 1/300, validation AUC", "refit: boosting round",
                "evaluating on test cutoff", "publishing release v1", "published release v1 as current");
        Map<String, ModelRelease> models = awaitModels(2);
        assertThat(models.get("v1").getVersion()).isEqualTo(1);
        assertThat(models.get("current").getVersion()).isEqualTo(1);
        assertThat(models.get("current").getPromoted()).isTrue();
        assertThat(models.get("current").getChurnModel().remaining()).isGreaterThan(1000);
        assertThat(reports.resolve("training-report-v1.md")).exists();
        assertThat(reports.resolve("training-report-v1.json")).exists();
    }

    @Test
    @Order(2)
    void aSecondRunFindsTheCurrentReleaseAndTakesTheNextVersion() {
        Run run = train();

        assertThat(run.exitCode()).as(run.err()).isEqualTo(TrainCommand.OK);
        assertThat(run.out()).contains("current release: v1", "re-scoring the current release v1");
        Map<String, ModelRelease> models = awaitModels(3);
        assertThat(models.keySet()).containsExactlyInAnyOrder("v1", "v2", "current");
        assertThat(models.get("current").getVersion()).isEqualTo(2);
        // Same data, same settings: as good as v1 on the same test cutoff, so promoted.
        assertThat(models.get("v2").getPromotionNote()).startsWith("Promoted: ROC-AUC").contains("v1");
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run train() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new TrainCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())
                .run("train", "--once", "--bootstrap-servers", KAFKA.bootstrapServers(), "--schema-registry-url",
                        REGISTRY, "--report-dir", reports.toString(), "--max-rounds", "300",
                        "--early-stopping-rounds", "20");
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void produce(List<FeatureSnapshot> snapshots) {
        AvroSerde<FeatureSnapshot> serde = AvroSerdes.of(FeatureSnapshot.class, REGISTRY);
        try (KafkaProducer<String, FeatureSnapshot> producer = new KafkaProducer<>(KAFKA.cluster().producerProps(),
                new StringSerializer(), serde.serializer())) {
            for (FeatureSnapshot snapshot : snapshots) {
                String key = snapshot.getCustomerId() + "|" + Cutoffs.date(snapshot.getCutoff());
                producer.send(new ProducerRecord<>(Topics.FEATURE_SNAPSHOTS, key, snapshot));
            }
        }
    }

    /** The latest release per key on the models topic, once {@code keys} keys are there. */
    private static Map<String, ModelRelease> awaitModels(int keys) {
        Map<String, ModelRelease> latest = new HashMap<>();
        AvroSerde<ModelRelease> serde = AvroSerdes.of(ModelRelease.class, REGISTRY);
        try (KafkaConsumer<String, ModelRelease> consumer = new KafkaConsumer<>(
                KAFKA.cluster().consumerProps("models-reader-" + keys), new StringDeserializer(),
                serde.deserializer())) {
            consumer.subscribe(List.of(Topics.MODELS));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, ModelRelease> record : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(record.key(), record.value());
                }
                return latest.size() >= keys;
            });
        }
        return latest;
    }
}
