package io.churnwatch.trainer.release;

import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.serde.AvroSerdes;
import io.churnwatch.trainer.kafka.CompactedTopicReader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code models} topic: the current release (key {@code current}) and the highest version on it. */
public final class CurrentReleaseReader {

    private final CompactedTopicReader<ModelRelease> reader;

    public CurrentReleaseReader(String bootstrapServers, String schemaRegistryUrl, Duration stallTimeout) {
        this.reader = new CompactedTopicReader<>(bootstrapServers,
                AvroSerdes.of(ModelRelease.class, schemaRegistryUrl).deserializer(), stallTimeout);
    }

    public ReleaseHistory read() {
        Map<String, ModelRelease> releases = reader.readAll(Topics.MODELS, r -> ReleaseKeys.version(r.getVersion()),
                (read, total) -> { });
        long latest = releases.values().stream().mapToLong(ModelRelease::getVersion).max().orElse(0);
        return new ReleaseHistory(Optional.ofNullable(releases.get(ReleaseKeys.CURRENT)), latest);
    }
}
