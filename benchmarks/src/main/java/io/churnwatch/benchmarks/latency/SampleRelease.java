package io.churnwatch.benchmarks.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.benchmarks.equivalence.EquivalenceRun;
import io.churnwatch.benchmarks.equivalence.SnapshotFile;
import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.churnwatch.trainer.ProgressListener;
import io.churnwatch.trainer.Trainer;
import io.churnwatch.trainer.config.TrainingSettings;
import io.churnwatch.trainer.release.ReleasePublisher;
import io.churnwatch.trainer.trainingset.NotEnoughDataException;

/**
 * A real model release, made as the system makes one: the Online Retail file replayed through the topology (in a
 * TopologyTestDriver, with the streams app's default event-time settings) to get its feature snapshots, then the
 * trainer with its default settings, then the trainer's publisher to {@code models}.
 */
final class SampleRelease {

    private static final Logger LOG = LoggerFactory.getLogger(SampleRelease.class);

    private SampleRelease() {
    }

    /** Trains on {@code sample}; the snapshot file and the trainer's report go under {@code workDir}. */
    static ModelRelease train(Path sample, Path workDir) throws IOException, NotEnoughDataException {
        Path snapshotFile = workDir.resolve("sample-snapshots.avro");
        EquivalenceRun.Result replay = EquivalenceRun.run(
                new EquivalenceRun.Options(sample, Optional.of(snapshotFile), OptionalLong.empty(), false),
                StreamsAppConfig.from(Map.of()).topology());
        List<FeatureSnapshot> snapshots = SnapshotFile.readAll(snapshotFile);
        LOG.info("Replayed {} orders of {} customers from {}: {} snapshots", replay.events(), replay.customers(),
                sample.getFileName(), snapshots.size());
        Path reportDir = Files.createDirectories(workDir.resolve("training-report"));
        ModelRelease release = new Trainer(TrainingSettings.defaults(), progress(), Clock.systemUTC())
                .trainAndReport(snapshots, Optional.empty(), reportDir).release();
        LOG.info("Trained release v{} ({} features, alert threshold {}, promoted {}); report in {}",
                release.getVersion(), release.getFeatureNames().size(), String.format("%.3f", release.getThreshold()),
                release.getPromoted(), reportDir);
        if (!release.getPromoted()) {
            throw new IllegalStateException("the trained release was not promoted: no scorer would load it");
        }
        return release;
    }

    /** Publishes {@code release} as the current one, with the trainer's own publisher. */
    static void publish(ModelRelease release, String bootstrapServers, String registryUrl) {
        try (ReleasePublisher publisher = new ReleasePublisher(bootstrapServers, registryUrl, (short) 1)) {
            publisher.publish(release);
        }
    }

    private static ProgressListener progress() {
        return new ProgressListener() {
            @Override
            public void stage(String description) {
                LOG.info("[trainer] {}", description);
            }

            @Override
            public void step(String what, long done, long total) {
            }

            @Override
            public void boostingRound(String phase, int round, int maxRounds, double validationAuc,
                                      double validationLogLoss) {
            }
        };
    }
}
