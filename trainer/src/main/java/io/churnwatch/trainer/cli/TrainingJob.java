package io.churnwatch.trainer.cli;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.Topics;
import io.churnwatch.trainer.Trainer;
import io.churnwatch.trainer.TrainingOutcome;
import io.churnwatch.trainer.config.TrainerConfig;
import io.churnwatch.trainer.release.CurrentReleaseReader;
import io.churnwatch.trainer.release.ReleaseHistory;
import io.churnwatch.trainer.release.ReleasePublisher;
import io.churnwatch.trainer.report.ReportWriter;
import io.churnwatch.trainer.trainingset.NotEnoughDataException;
import io.churnwatch.trainer.trainingset.SnapshotReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** One run against Kafka: read the releases and the snapshots, train, write the report, publish. */
final class TrainingJob {

    private final TrainerConfig config;
    private final ConsoleProgress progress;

    TrainingJob(TrainerConfig config, ConsoleProgress progress) {
        this.config = config;
        this.progress = progress;
    }

    TrainingOutcome run() throws NotEnoughDataException, IOException {
        progress.stage("reading releases from '" + Topics.MODELS + "' on " + config.bootstrapServers());
        ReleaseHistory history = new CurrentReleaseReader(config.bootstrapServers(), config.schemaRegistryUrl(),
                config.readTimeout()).read();
        progress.stage(history.current()
                .map(r -> "current release: v" + r.getVersion() + " (latest version v" + history.latestVersion() + ")")
                .orElse("no current release"));

        progress.stage("reading snapshots from '" + Topics.FEATURE_SNAPSHOTS + "'");
        List<FeatureSnapshot> snapshots = new SnapshotReader(config.bootstrapServers(), config.schemaRegistryUrl(),
                config.readTimeout()).readAll((read, total) -> progress.reading(Topics.FEATURE_SNAPSHOTS, read, total));
        progress.stage(snapshots.size() + " snapshots (latest per key)");

        TrainingOutcome outcome = new Trainer(config.training(), progress, Clock.systemUTC()).train(snapshots, history);

        List<Path> written = ReportWriter.write(outcome.report(), config.reportDir());
        progress.stage("report written to " + written.get(0).toAbsolutePath() + " and " + written.get(1).getFileName());

        progress.stage("publishing release v" + outcome.release().getVersion() + " to '" + Topics.MODELS + "'");
        try (ReleasePublisher publisher = new ReleasePublisher(config.bootstrapServers(), config.schemaRegistryUrl(),
                config.modelsReplicationFactor())) {
            publisher.publish(outcome.release());
        }
        progress.stage("published release v" + outcome.release().getVersion()
                + (outcome.release().getPromoted() ? " as current" : " (not promoted)"));
        return outcome;
    }
}
