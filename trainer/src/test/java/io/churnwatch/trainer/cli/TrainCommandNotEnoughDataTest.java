package io.churnwatch.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.serde.AvroSerde;
import io.churnwatch.schemas.serde.AvroSerdes;
import io.churnwatch.testing.KafkaClusterExtension;
import io.churnwatch.trainer.kafka.RetrainRequests;
import io.churnwatch.trainer.synthetic.SyntheticRetail;
import io.churnwatch.trainer.trainingset.Cutoffs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Too young a stream: {@code --once} exits 3 and says why; a schedule says so and waits for the next run. */
class TrainCommandNotEnoughDataTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final String REGISTRY = "mock://trainer-young-stream";

    @TempDir
    static Path reports;

    @BeforeAll
    static void produceFiveMonthsOfSnapshots() {
        KAFKA.cluster().createCompactedTopic(Topics.FEATURE_SNAPSHOTS, 2);
        AvroSerde<FeatureSnapshot> serde = AvroSerdes.of(FeatureSnapshot.class, REGISTRY);
        try (KafkaProducer<String, FeatureSnapshot> producer = new KafkaProducer<>(KAFKA.cluster().producerProps(),
                new StringSerializer(), serde.serializer())) {
            for (FeatureSnapshot s : SyntheticRetail.snapshots(SyntheticRetail.Settings.of(200, 5, 4L))) {
                producer.send(new ProducerRecord<>(Topics.FEATURE_SNAPSHOTS,
                        s.getCustomerId() + "|" + Cutoffs.date(s.getCutoff()), s));
            }
        }
    }

    private String[] args(String... mode) {
        String[] common = {"train", "--bootstrap-servers", KAFKA.bootstrapServers(), "--schema-registry-url", REGISTRY,
                "--report-dir", reports.toString()};
        String[] all = new String[common.length + mode.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(mode, 0, all, common.length, mode.length);
        return all;
    }

    @Test
    void onceExitsWithThreeAndSaysWhatIsMissingAndWhen() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new TrainCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args("--once"));

        assertThat(code).isEqualTo(TrainCommand.NOT_ENOUGH_DATA);
        // Cutoffs 2010-01-01 .. 2010-05-01 with the stream at 2010-05-01: only January (+90d = 2010-04-01) matured.
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Not enough matured data to train. 1 matured monthly cutoff(s) (2010-01-01) among 5")
                .contains("needs at least 3 matured cutoffs")
                .contains("will have enough once its event time passes 2010-09-29");
        assertThat(reports).isEmptyDirectory();
    }

    /** {@code train} on an hourly schedule in the background, once it has finished its first run. */
    private record Schedule(TrainCommand command, CompletableFuture<Integer> running, ByteArrayOutputStream out) {

        static Schedule startHourly(String[] args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TrainCommand command = new TrainCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    Map.of("CHURNWATCH_TRAIN_EVERY", "1h"));
            CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> command.run(args));
            Schedule schedule = new Schedule(command, running, out);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> schedule.printed().contains("next run at"));
            return schedule;
        }

        String printed() {
            return out.toString(StandardCharsets.UTF_8);
        }

        int stop() {
            command.stop();
            return running.join();
        }
    }

    @Test
    void aScheduleSaysSoAndWaitsForTheNextRun() {
        Schedule schedule = Schedule.startHourly(args());
        assertThat(schedule.running()).isNotDone();

        assertThat(schedule.stop()).isEqualTo(TrainCommand.OK);
        assertThat(schedule.printed()).contains("training every 1h", "Not enough matured data", "stopped");
    }

    @Test
    void anOperatorsRetrainRequestStartsARunWithoutWaitingForTheSchedule() {
        KAFKA.cluster().createCompactedTopic(Topics.SETTINGS, 1);
        Schedule schedule = Schedule.startHourly(args());

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KAFKA.cluster().producerProps(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.SETTINGS, RetrainRequests.KEY, "test: new data loaded"));
        }

        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> schedule.printed().split("next run at", -1).length == 3);
        assertThat(schedule.stop()).isEqualTo(TrainCommand.OK);
        assertThat(schedule.printed()).contains("retrain requested at", "(test: new data loaded): training now");
        assertThat(schedule.printed().split("Not enough matured data", -1)).as("two runs within the hour")
                .hasSize(3);
    }
}
