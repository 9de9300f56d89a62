package io.churnwatch.trainer.trainingset;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.serde.AvroSerdes;
import io.churnwatch.trainer.kafka.CompactedTopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every feature snapshot from the compacted {@code feature-snapshots} topic, up to its end offsets at the
 * start of the read; the latest value per key ({@code customerId|yyyy-MM-dd}) wins.
 */
public final class SnapshotReader {

    private final CompactedTopicReader<FeatureSnapshot> reader;

    public SnapshotReader(String bootstrapServers, String schemaRegistryUrl, Duration stallTimeout) {
        this.reader = new CompactedTopicReader<>(bootstrapServers,
                AvroSerdes.of(FeatureSnapshot.class, schemaRegistryUrl).deserializer(), stallTimeout);
    }

    public List<FeatureSnapshot> readAll(CompactedTopicReader.Progress progress) {
        return new ArrayList<>(reader.readAll(Topics.FEATURE_SNAPSHOTS,
                s -> s.getCustomerId() + "|" + Cutoffs.date(s.getCutoff()), progress).values());
    }
}
