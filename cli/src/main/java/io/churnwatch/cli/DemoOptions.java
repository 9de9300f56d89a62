package io.churnwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code churnwatch demo} was asked to do.
 *
 * @param data   an Online Retail (II) CSV to replay instead of the sample the project ships
 * @param replay whether to replay even when the orders topic already holds data (a resumed demo does not)
 */
record DemoOptions(Path data, boolean replay, boolean help) {

    static final String USAGE = """
            Usage: ./churnwatch demo [--data PATH] [--replay] [--help]

            Runs churnwatch on this machine: starts a Kafka broker (its own JVM, data under data/runtime/) and a
            serving node (the stream, the scorer, the HTTP API on :8080 and the schema registry on :8081),
            replays the history before %s, trains the models once the stream has caught up, then replays the
            rest of the history at a speed-up so that churn alerts appear as they happen, and retrains every %s.
            It keeps running until you press Ctrl-C, which stops everything it started.

            A second run resumes from the data on disk: the broker, the registry, the stream state and the models
            are kept, and the data is not replayed again (use --replay to send it once more; duplicates are
            dropped by the stream).

            Options:
              --data PATH   replay your own Online Retail / Online Retail II CSV (.csv or .csv.gz) instead of the
                            sample the project ships (data/sample/online_retail_II_sample.csv.gz)
              --replay      replay even when the orders topic already holds events
              --help        show this help

            Environment: CHURNWATCH_DATA_DIR (default data/runtime), CHURNWATCH_KAFKA_PORT (9092),
            CHURNWATCH_REGISTRY_PORT (8081), and every CHURNWATCH_* setting of './churnwatch streams --help'.""".formatted(DemoCommand.SPLIT, DemoCommand.RETRAIN_EVERY);

    static DemoOptions parse(String[] args) {
        Path data = null;
        boolean replay = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    return new DemoOptions(null, false, true);
                }
                case "--replay" -> replay = true;
                case "--data" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--data needs a path to a CSV file");
                    }
                    data = Path.of(args[++i]);
                    if (!Files.isReadable(data)) {
                        throw new IllegalArgumentException("cannot read " + data.toAbsolutePath());
                    }
                    replay = true;
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        return new DemoOptions(data, replay, false);
    }
}
