package io.churnwatch.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.churnwatch.benchmarks.cli.Args;
import io.churnwatch.benchmarks.cli.UsageException;
import io.churnwatch.benchmarks.equivalence.EquivalenceRun;
import io.churnwatch.streams.TopologySettings;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.churnwatch.streams.testing.SnapshotComparison;

/**
 * Runs a whole Online Retail file through the real topology (in-process, TopologyTestDriver) and checks every
 * snapshot against the independent batch computation: the stream's point-in-time features on the full data, not
 * only on the test sample. Can also write the snapshots to an Avro file for a training run without a broker.
 * Exit status: 0 when every snapshot matches, 1 on any mismatch, 2 on a usage error.
 */
public final class SnapshotEquivalenceReport {

    static final Path DEFAULT_INPUT = Path.of("..", "shared", "data", "online_retail_II.csv.gz");

    private SnapshotEquivalenceReport() {
    }

    public static void main(String[] argv) {
        Logging.quietKafka();
        EquivalenceRun.Options options;
        TopologySettings settings;
        try {
            Args args = Args.parse(argv, Set.of("--input", "--write-snapshots", "--shuffle"), Set.of("--help", "--no-compare"));
            if (args.has("--help")) {
                System.out.print(usage());
                return;
            }
            options = options(args);
            settings = StreamsAppConfig.fromEnvironment().topology();
        } catch (UsageException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(usage());
            System.exit(2);
            return;
        }
        EquivalenceRun.Result result = EquivalenceRun.run(options, settings);
        print(options, settings, result, System.out);
        boolean matches = result.comparison().map(SnapshotComparison.Result::matches).orElse(true);
        System.exit(matches ? 0 : 1);
    }

    static EquivalenceRun.Options options(Args args) {
        Path input = args.get("--input", DEFAULT_INPUT, Path::of);
        if (!Files.isRegularFile(input)) {
            throw new UsageException("no such file: " + input.toAbsolutePath().normalize());
        }
        Optional<Path> write = args.value("--write-snapshots").map(Path::of);
        OptionalLong shuffle = args.value("--shuffle").isPresent()
                ? OptionalLong.of(args.get("--shuffle", 0L, Long::parseLong)) : OptionalLong.empty();
        return new EquivalenceRun.Options(input, write, shuffle, !args.has("--no-compare"));
    }

    static void print(EquivalenceRun.Options options, TopologySettings settings, EquivalenceRun.Result r,
                      PrintStream out) {
        out.printf("%nSnapshot equivalence report: %s%n", options.input());
        out.printf("  schedule              %s, reorder grace %s%n", settings.features().cutoffs(),
                settings.features().grace());
        out.printf("  orders                %,d (%,d lines), delivered as %,d records%s%n", r.events(), r.lines(),
                r.arrivals(), options.shuffleSeed().isPresent()
                        ? " shuffled within the grace with repeats (seed " + options.shuffleSeed().getAsLong() + ")"
                        : " in file order");
        out.printf("  customers             %,d%n", r.customers());
        out.printf("  snapshot instants     %,d (%,d cutoffs on the 1st of a month, %,d label horizons)%n",
                r.scheduleInstants(), r.scheduleInstants() - r.horizonInstants(), r.horizonInstants());
        out.printf("  snapshots emitted     %,d (plus %,d feature records, %,d dead letters, %.0f late beyond grace)%n",
                r.snapshots(), r.featureRecords(), r.deadLetters(), r.late());
        options.writeSnapshots().ifPresent(path -> out.printf("  written to            %s (Avro container, FeatureSnapshot)%n",
                path));
        r.comparison().ifPresentOrElse(c -> {
            out.printf("  snapshots compared    %,d over %,d instants%n", c.compared(), c.cutoffs());
            out.printf("  mismatches            %,d%n", c.mismatchCount());
            out.printf("  distinct products     %,d HyperLogLog estimates (past %d products): RMS error %.2f%%, max %.2f%%%n",
                    c.estimated(), io.churnwatch.streams.features.DistinctProducts.EXACT_LIMIT,
                    100 * c.estimateRmsError(), 100 * c.estimateMaxError());
            c.firstMismatches().forEach(m -> out.println("    " + m));
        }, () -> out.println("  comparison            skipped (--no-compare)"));
        out.printf("  time                  read %s, stream %s, batch %s%n", seconds(r.readTime()),
                seconds(r.streamTime()), seconds(r.batchTime()));
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    static String usage() {
        return """
                Usage: SnapshotEquivalenceReport [--input FILE] [--write-snapshots FILE] [--shuffle SEED] [--no-compare]

                Runs an Online Retail (II) CSV through the real churnwatch topology in-process and compares every
                feature snapshot (every cutoff and label horizon) with an independent batch computation.

                  --input FILE            Online Retail or Online Retail II CSV, plain or .gz
                                          (default ../shared/data/online_retail_II.csv.gz)
                  --write-snapshots FILE  also write every snapshot to an Avro container file (FeatureSnapshot)
                  --shuffle SEED          deliver orders shuffled within the reorder grace, ~5% twice
                  --no-compare            only run the stream (e.g. to write the snapshots quickly)
                  --help                  this text

                The topology's settings come from the streams app's CHURNWATCH_* variables (cutoffs, label horizon,
                grace, ...), with the same defaults. Exit status 0: every snapshot matches; 1: mismatches; 2: usage.
                """;
    }
}
