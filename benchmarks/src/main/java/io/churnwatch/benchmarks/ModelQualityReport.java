package io.churnwatch.benchmarks;

import io.churnwatch.benchmarks.equivalence.SnapshotFile;
import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.trainer.ProgressListener;
import io.churnwatch.trainer.Trainer;
import io.churnwatch.trainer.TrainingOutcome;
import io.churnwatch.trainer.config.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The trainer's evaluation report on snapshots the real topology produced (the file written by
 * {@code SnapshotEquivalenceReport --write-snapshots}): the same training, holdout and baselines as
 * {@code train --once}, without a broker. Run by hand:
 *
 * <pre>
 * java -Xmx6g -cp "benchmarks/target/classes:$(cat /tmp/bench.cp)" io.churnwatch.benchmarks.ModelQualityReport \
 *      /tmp/churnwatch-snapshots/online_retail_II_full.avro target/model-quality
 * </pre>
 */
public final class ModelQualityReport {

    private ModelQualityReport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || args[0].equals("--help")) {
            System.err.println("Usage: ModelQualityReport SNAPSHOT_FILE.avro REPORT_DIR\n"
                    + "Trains and evaluates on topology snapshots (see benchmarks/README.md), writes markdown + JSON.");
            System.exit(args.length == 1 && args[0].equals("--help") ? 0 : 2);
        }
        Path file = Path.of(args[0]);
        Path reportDir = Files.createDirectories(Path.of(args[1]));
        List<FeatureSnapshot> snapshots = SnapshotFile.readAll(file);
        System.out.printf("read %,d snapshots from %s%n", snapshots.size(), file);
        ProgressListener progress = new ProgressListener() {
            @Override
            public void stage(String description) {
                System.out.println("[trainer] " + description);
            }

            @Override
            public void step(String what, long done, long total) {
                if (done == total) {
                    System.out.println("[trainer] " + what + " " + done + "/" + total);
                }
            }

            @Override
            public void boostingRound(String phase, int round, int maxRounds, double validationAuc,
                                      double validationLogLoss) {
                // the rounds are in the report
            }
        };
        TrainingOutcome outcome = new Trainer(TrainingSettings.defaults(), progress, Clock.systemUTC())
                .trainAndReport(snapshots, Optional.empty(), reportDir);
        System.out.println("report written to " + reportDir.toAbsolutePath() + " (release v"
                + outcome.release().getVersion() + ")");
    }
}
