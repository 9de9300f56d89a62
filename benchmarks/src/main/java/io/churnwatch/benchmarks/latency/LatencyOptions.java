package io.churnwatch.benchmarks.latency;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import io.churnwatch.benchmarks.cli.Args;
import io.churnwatch.benchmarks.cli.UsageException;
import io.churnwatch.producers.onlineretail.ProjectSample;

/**
 * What the alert latency benchmark runs.
 *
 * @param rate             orders per second the load sends, warm-up and measurement alike
 * @param warmup           how long the load runs at least before anything is measured
 * @param maxWarmup        how long the warm-up may last while the node has not caught up with the load
 * @param duration         how long the measured part of the load runs
 * @param drainTimeout     how long to wait after the load for the outputs of measured orders still in flight
 * @param tick             how often the load sends its next small batch (rate x tick orders each time)
 * @param mix              who buys: the share of first orders and of returns
 * @param lingerMs         the load producer's linger.ms (Kafka's default is 5)
 * @param partitions       partitions of every topic
 * @param embeddedRegistry the embedded HTTP schema registry (true) or an in-process mock:// one
 * @param sample           the Online Retail CSV the release is trained on
 * @param brokerHeap       heap of the broker JVM
 * @param workDir          where the broker data, state stores and the trainer's report go (deleted afterwards)
 */
public record LatencyOptions(int rate, Duration warmup, Duration maxWarmup, Duration duration,
                             Duration drainTimeout, Duration tick, LiveOrderMix.Shares mix, int lingerMs,
                             int partitions, boolean embeddedRegistry, Path sample, String brokerHeap, Path workDir) {

    public static final int DEFAULT_RATE = 5_000;

    public static final Set<String> WITH_VALUE = Set.of("--rate", "--duration", "--warmup", "--max-warmup",
            "--drain-timeout",
            "--tick-ms", "--new-share", "--return-share", "--linger-ms", "--partitions", "--registry", "--sample",
            "--broker-heap", "--work-dir", "--seed");
    public static final Set<String> FLAGS = Set.of("--help");

    public static LatencyOptions parse(Args args) {
        int rate = args.get("--rate", DEFAULT_RATE, Integer::parseInt);
        Duration warmup = Duration.ofSeconds(args.get("--warmup", 10L, Long::parseLong));
        Duration maxWarmup = Duration.ofSeconds(args.get("--max-warmup", 60L, Long::parseLong));
        Duration duration = Duration.ofSeconds(args.get("--duration", 60L, Long::parseLong));
        Duration drain = Duration.ofSeconds(args.get("--drain-timeout", 120L, Long::parseLong));
        Duration tick = Duration.ofMillis(args.get("--tick-ms", 2L, Long::parseLong));
        if (rate < 1 || duration.isZero() || duration.isNegative() || warmup.isNegative() || drain.isNegative()) {
            throw new UsageException("--rate and --duration must be positive, --warmup and --drain-timeout >= 0");
        }
        if (tick.toMillis() < 1 || tick.toMillis() > 1_000) {
            throw new UsageException("--tick-ms must lie in 1..1000");
        }
        LiveOrderMix.Shares mix = new LiveOrderMix.Shares(args.get("--new-share", 0.3, Double::parseDouble),
                args.get("--return-share", 0.03, Double::parseDouble), args.get("--seed", 42L, Long::parseLong));
        int linger = args.get("--linger-ms", 5, Integer::parseInt);
        int partitions = args.get("--partitions", 6, Integer::parseInt);
        if (linger < 0 || partitions < 1) {
            throw new UsageException("--linger-ms must be >= 0 and --partitions >= 1");
        }
        String registry = args.get("--registry", "embedded", String::trim);
        if (!registry.equals("embedded") && !registry.equals("mock")) {
            throw new UsageException("--registry must be embedded or mock");
        }
        Path sample = args.get("--sample", null, Path::of);
        if (sample == null) {
            try {
                sample = ProjectSample.onlineRetailII();
            } catch (IllegalStateException e) {
                throw new UsageException(e.getMessage() + ": run from the repository or give --sample FILE");
            }
        }
        if (!Files.isRegularFile(sample)) {
            throw new UsageException("no such file: " + sample);
        }
        if (maxWarmup.compareTo(warmup) < 0) {
            throw new UsageException("--max-warmup must be at least --warmup");
        }
        return new LatencyOptions(rate, warmup, maxWarmup, duration, drain, tick, mix, linger, partitions,
                registry.equals("embedded"), sample, args.get("--broker-heap", "1g", String::trim),
                args.get("--work-dir", Path.of(System.getProperty("java.io.tmpdir")), Path::of));
    }

    public static String usage() {
        return """
                Usage: AlertLatencyBenchmark [options]

                Event-to-alert latency with exactly-once on. Starts a real Kafka broker (own JVM, temporary data,
                random loopback ports) and a schema registry, trains a model release on the project's Online Retail
                sample and publishes it to 'models', runs the serving node's topology (features + scorer, the
                streams app's configuration, live operation: wall-clock timers, no reorder grace) in this JVM, then
                sends live orders (event time = now, keyed by customer) at a steady rate and measures, with a
                read_committed consumer, how long after each order was sent its score and its alert (if it raised
                one) could be read. Prints progress every 5 s and a markdown table at the end.

                  --rate N              orders per second (default 5000)
                  --duration S          seconds of measured load (default 60)
                  --warmup S            seconds of load at least before measuring (default 10)
                  --max-warmup S        the warm-up goes on until the node has caught up with the load (fewer
                                        orders waiting for their score than a quarter second of load), at
                                        most this long (default 60); the table says which ended it
                  --drain-timeout S     seconds to wait for measured orders' outputs after the load (default 120)
                  --tick-ms N           the load sends rate x N/1000 orders every N ms (default 2)
                  --new-share X         share of orders that are a new customer's first purchase (default 0.3)
                  --return-share X      share of orders that are returns by known customers (default 0.03);
                                        the rest are repeat purchases by known customers
                  --linger-ms N         the load producer's linger.ms (default 5, Kafka's default)
                  --partitions N        partitions of every topic (default 6)
                  --registry KIND       embedded (HTTP, default) or mock (in-process)
                  --sample FILE         Online Retail CSV to train the release on (default: the project sample)
                  --broker-heap SIZE    broker JVM heap (default 1g)
                  --work-dir DIR        where broker data and state go (default java.io.tmpdir)
                  --seed N              seed of the order mix (default 42)
                  --help                this text

                The topology reads the streams app's and the scorer's CHURNWATCH_* variables (defaults as
                documented there), e.g. CHURNWATCH_COMMIT_INTERVAL=20ms. The benchmark's own defaults, which the
                environment overrides: CHURNWATCH_TIMER_MODE=wall-clock, CHURNWATCH_REORDER_GRACE=0 (a grace
                adds itself to every latency), CHURNWATCH_INACTIVITY_GAP_MULTIPLIER=0 (see the README) and
                CHURNWATCH_REFRESH_PER_SECOND=0 (one release throughout: nothing to re-score).
                """;
    }
}
