package io.churnwatch.benchmarks.latency;

import io.churnwatch.benchmarks.Logging;
import io.churnwatch.benchmarks.cli.Args;
import io.churnwatch.benchmarks.cli.UsageException;

/**
 * The event-to-alert latency benchmark: a harness to run by hand (see benchmarks/README.md), not a timed test.
 * How long after a live order is sent can a read_committed consumer read its score, and its churn alert when it
 * raised one, with exactly-once on and the load steady at a given rate?
 */
public final class AlertLatencyBenchmark {

    static {
        // Before the first logger exists, or slf4j-simple has read its settings already. A level given on the
        // command line (-Dorg.slf4j.simpleLogger.defaultLogLevel=info) wins.
        Logging.quietKafka();
    }

    private AlertLatencyBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        LatencyOptions options;
        try {
            Args args = Args.parse(argv, LatencyOptions.WITH_VALUE, LatencyOptions.FLAGS);
            if (args.has("--help")) {
                System.out.print(LatencyOptions.usage());
                return;
            }
            options = LatencyOptions.parse(args);
        } catch (UsageException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(LatencyOptions.usage());
            System.exit(2);
            return;
        }
        LatencyResult result = LatencyRun.run(options, System.getenv());
        System.out.println(LatencyTable.render(options, result));
        // Kafka's and RocksDB's non-daemon threads may linger after close; the figures are out.
        System.exit(result.complete() ? 0 : 1);
    }
}
