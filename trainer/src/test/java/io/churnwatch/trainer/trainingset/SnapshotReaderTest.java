package io.churnwatch.trainer.trainingset;

import static io.churnwatch.trainer.synthetic.TestSnapshots.day;
import static io.churnwatch.trainer.synthetic.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.serde.AvroSerdes;
import io.churnwatch.testing.KafkaClusterExtension;
import io.churnwatch.trainer.release.CurrentReleaseReader;
import io.churnwatch.trainer.release.ReleaseHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading the compacted snapshot topic as compaction would leave it, up to where it ended when reading began. */
class SnapshotReaderTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final String REGISTRY = "mock://snapshot-reader-test";
    private static final Instant C = day("2011-03-01");
    private static final Instant FIRST = day("2010-06-01");

    @Test
    void latestValuePerKeyWinsTombstonesRemoveAndLaterRecordsWaitForTheNextRead() {
        KAFKA.cluster().createCompactedTopic(Topics.FEATURE_SNAPSHOTS, 2);
        try (KafkaProducer<String, FeatureSnapshot> producer = producer()) {
            send(producer, snapshot("a", C, 2, 0, FIRST, day("2011-01-01")));
            send(producer, snapshot("a", C, 3, 0, FIRST, day("2011-02-01")));
            send(producer, snapshot("b", C, 1, 0, FIRST, FIRST));
            producer.send(new ProducerRecord<>(Topics.FEATURE_SNAPSHOTS, "b|2011-03-01", null));
            for (int i = 0; i < 50; i++) {
                send(producer, snapshot("c" + i, C, 1, 0, FIRST, FIRST));
            }
        }

        SnapshotReader reader = new SnapshotReader(KAFKA.bootstrapServers(), REGISTRY, Duration.ofSeconds(30));
        boolean[] producedDuringRead = {false};
        List<FeatureSnapshot> read = reader.readAll((records, total) -> {
            if (!producedDuringRead[0]) {
                producedDuringRead[0] = true;
                try (KafkaProducer<String, FeatureSnapshot> late = producer()) {
                    send(late, snapshot("late", C, 1, 0, FIRST, FIRST));
                }
            }
        });

        Map<String, FeatureSnapshot> byCustomer = read.stream()
                .collect(Collectors.toMap(FeatureSnapshot::getCustomerId, s -> s));
        assertThat(byCustomer.get("a").getFeatures().getOrders()).isEqualTo(3);
        assertThat(byCustomer).doesNotContainKeys("b", "late").hasSize(51);
        assertThat(reader.readAll((records, total) -> { })).extracting(FeatureSnapshot::getCustomerId)
                .contains("late");
    }

    @Test
    void aMissingModelsTopicMeansNoReleaseYet() {
        ReleaseHistory history = new CurrentReleaseReader(KAFKA.bootstrapServers(), REGISTRY, Duration.ofSeconds(30))
                .read();
        assertThat(history.current()).isEmpty();
        assertThat(history.nextVersion()).isEqualTo(1);
    }

    private static KafkaProducer<String, FeatureSnapshot> producer() {
        return new KafkaProducer<>(KAFKA.cluster().producerProps(), new StringSerializer(),
                AvroSerdes.of(FeatureSnapshot.class, REGISTRY).serializer());
    }

    private static void send(KafkaProducer<String, FeatureSnapshot> producer, FeatureSnapshot snapshot) {
        producer.send(new ProducerRecord<>(Topics.FEATURE_SNAPSHOTS,
                snapshot.getCustomerId() + "|" + Cutoffs.date(snapshot.getCutoff()), snapshot));
    }
}
