package io.churnwatch.benchmarks.throughput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.churnwatch.benchmarks.cli.Args;
import io.churnwatch.benchmarks.cli.UsageException;

/**
 * What the throughput benchmark runs.
 *
 * @param customerScales synthetic customer counts, one broker and one data set each
 * @param orders         about how many orders every synthetic data set has (the rate is tuned to reach it)
 * @param onlineRetail   the Online Retail file to use instead of synthetic data, if any
 * @param partitions     partitions of the app's topics
 * @param repeats        how many times each measurement runs on the same data (medians are reported)
 * @param variants       which topology settings to measure
 * @param embeddedRegistry the embedded HTTP schema registry (true) or an in-process mock:// one
 * @param brokerHeap     heap of the broker JVM
 * @param workDir        where brokers and state stores live (a fresh folder per scale, deleted afterwards)
 * @param seed           seed of the synthetic generator
 */
public record ThroughputOptions(List<Long> customerScales, long orders, Path onlineRetail, int partitions, int repeats,
                                List<TopologyVariant> variants, boolean embeddedRegistry, String brokerHeap,
                                Path workDir, long seed) {

    public static final List<Long> DEFAULT_SCALES = List.of(10_000L, 100_000L, 1_000_000L);
    public static final long DEFAULT_ORDERS = 1_500_000L;

    public static final Set<String> WITH_VALUE = Set.of("--customers", "--orders", "--online-retail", "--partitions",
            "--repeats", "--variants", "--registry", "--broker-heap", "--work-dir", "--seed");
    public static final Set<String> FLAGS = Set.of("--help");

    public static ThroughputOptions parse(Args args) {
        List<Long> scales = args.get("--customers", DEFAULT_SCALES, Args::longs);
        if (scales.isEmpty() || scales.stream().anyMatch(c -> c <= 0 || c > Integer.MAX_VALUE)) {
            throw new UsageException("--customers must list positive counts, e.g. 10000,100000,1000000");
        }
        long orders = args.get("--orders", DEFAULT_ORDERS, Long::parseLong);
        Path onlineRetail = args.get("--online-retail", null, Path::of);
        if (onlineRetail != null && !Files.isRegularFile(onlineRetail)) {
            throw new UsageException("no such file: " + onlineRetail);
        }
        int partitions = args.get("--partitions", 6, Integer::parseInt);
        int repeats = args.get("--repeats", 1, Integer::parseInt);
        if (partitions < 1 || repeats < 1 || orders < 1) {
            throw new UsageException("--partitions, --repeats and --orders must be at least 1");
        }
        List<TopologyVariant> variants = args.get("--variants", List.of(TopologyVariant.FULL, TopologyVariant.ORDERS_ONLY),
                text -> java.util.Arrays.stream(text.split(",")).map(String::trim)
                        .map(name -> TopologyVariant.valueOf(name.toUpperCase().replace('-', '_'))).toList());
        String registry = args.get("--registry", "embedded", String::trim);
        if (!registry.equals("embedded") && !registry.equals("mock")) {
            throw new UsageException("--registry must be embedded or mock");
        }
        return new ThroughputOptions(scales, orders, onlineRetail, partitions, repeats, variants,
                registry.equals("embedded"), args.get("--broker-heap", "1g", String::trim),
                args.get("--work-dir", Path.of(System.getProperty("java.io.tmpdir")), Path::of),
                args.get("--seed", 42L, Long::parseLong));
    }

    public static String usage() {
        return """
                Usage: StreamsThroughputBenchmark [options]

                Starts a real Kafka broker (own JVM, temporary data, random loopback ports) and a schema registry,
                publishes orders to 'orders', then measures on the same data: a bare KafkaConsumer draining the
                topic (bytes only, and decoding each order), and the full churnwatch topology with exactly_once_v2
                from an empty state until every order is processed and committed. Prints markdown tables.

                  --customers LIST      synthetic customer counts, one run each (default 10000,100000,1000000)
                  --orders N            about this many orders per synthetic data set (default 1500000)
                  --online-retail FILE  use an Online Retail (II) CSV instead of synthetic data
                  --partitions N        partitions of the app's topics (default 6)
                  --repeats N           repeat every measurement N times, report medians (default 1)
                  --variants LIST       full,orders-only (default both): the shipped settings, and the same
                                        topology without inactivity timers and snapshots
                  --registry KIND       embedded (HTTP, default) or mock (in-process)
                  --broker-heap SIZE    broker JVM heap (default 1g)
                  --work-dir DIR        where the broker data and state stores go (default java.io.tmpdir)
                  --seed N              synthetic generator seed (default 42)
                  --help                this text

                The topology reads the streams app's CHURNWATCH_* variables (defaults as documented there).
                """;
    }
}
