package io.churnwatch.serving.models;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.serde.AvroSerdes;
import io.churnwatch.serving.errors.ApiException;
import io.churnwatch.serving.streams.RegistryUrl;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.churnwatch.trainer.kafka.CompactedTopicReader;
import io.churnwatch.trainer.release.ReleaseKeys;
import io.churnwatch.trainer.release.ReleasePublisher;
import jakarta.inject.Singleton;

/**
 * An operator's override of the trainer's promotion gate: makes an earlier (or a rejected) release on the
 * {@code models} topic the current one, e.g. to roll back a release that misbehaves in production. Publishes
 * through the trainer's own publisher, so every scorer swaps to it without a restart, as after a training run.
 */
@Singleton
public class ReleasePromotion {

    private static final Logger LOG = LoggerFactory.getLogger(ReleasePromotion.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final StreamsAppConfig config;
    private final RegistryUrl registry;

    public ReleasePromotion(StreamsAppConfig config, RegistryUrl registry) {
        this.config = config;
        this.registry = registry;
    }

    /** What happened: the promoted version and the one it replaced (null when none was current). */
    public record Outcome(long promoted, Long replaced, boolean alreadyCurrent, String note) {
    }

    public Outcome promote(long version, String reason) {
        Map<String, ModelRelease> releases = new CompactedTopicReader<>(config.bootstrapServers(),
                AvroSerdes.of(ModelRelease.class, registry.url()).deserializer(), READ_TIMEOUT)
                .readAll(Topics.MODELS, release -> ReleaseKeys.version(release.getVersion()), (read, total) -> { });
        ModelRelease wanted = releases.get(ReleaseKeys.version(version));
        if (wanted == null) {
            throw ApiException.notFound("no release v" + version + " on the '" + Topics.MODELS + "' topic");
        }
        Optional<ModelRelease> current = Optional.ofNullable(releases.get(ReleaseKeys.CURRENT));
        Long replaced = current.map(ModelRelease::getVersion).orElse(null);
        if (replaced != null && replaced == version) {
            return new Outcome(version, replaced, true, "v" + version + " is already the current release");
        }
        String note = "promoted by an operator at " + Instant.now() + (replaced == null ? "" : ", replacing v" + replaced)
                + (reason == null || reason.isBlank() ? "" : ": " + reason);
        ModelRelease promoted = ModelRelease.newBuilder(wanted).setPromoted(true).setPromotionNote(note).build();
        try (ReleasePublisher publisher = new ReleasePublisher(config.bootstrapServers(), registry.url(),
                config.replicationFactor())) {
            publisher.publish(promoted);
        }
        LOG.warn("Release v{} made current by an operator (was {})", version, replaced == null ? "none" : "v" + replaced);
        return new Outcome(version, replaced, false, note);
    }
}
