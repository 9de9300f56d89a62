package io.churnwatch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.benchmarks.cli.Args;
import io.churnwatch.benchmarks.cli.UsageException;
import io.churnwatch.benchmarks.throughput.BaselineDrain;
import io.churnwatch.benchmarks.throughput.BenchmarkCluster;
import io.churnwatch.benchmarks.throughput.OrderLoad;
import io.churnwatch.benchmarks.throughput.ResultTables;
import io.churnwatch.benchmarks.throughput.ScaleResult;
import io.churnwatch.benchmarks.throughput.SyntheticWorkload;
import io.churnwatch.benchmarks.throughput.ThroughputOptions;
import io.churnwatch.benchmarks.throughput.TopologyRun;
import io.churnwatch.benchmarks.throughput.TopologyVariant;
import io.churnwatch.producers.onlineretail.OnlineRetailReader;
import io.churnwatch.producers.source.OrderSource;
import io.churnwatch.producers.synthetic.SyntheticConfig;

/**
 * The streams throughput benchmark: a harness to run by hand (see benchmarks/README.md), not a timed test. For
 * each data set it starts a fresh broker and registry, publishes the orders once, then measures the baselines
 * and the topology on the same topic, and prints markdown tables (after every data set, and at the end).
 */
public final class StreamsThroughputBenchmark {

    static {
        // Before the first logger exists (the one below), or slf4j-simple has read its settings already.
        Logging.quietKafka();
    }

    private static final Logger LOG = LoggerFactory.getLogger(StreamsThroughputBenchmark.class);

    private StreamsThroughputBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        ThroughputOptions options;
        try {
            Args args = Args.parse(argv, ThroughputOptions.WITH_VALUE, ThroughputOptions.FLAGS);
            if (args.has("--help")) {
                System.out.print(ThroughputOptions.usage());
                return;
            }
            options = ThroughputOptions.parse(args);
        } catch (UsageException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(ThroughputOptions.usage());
            System.exit(2);
            return;
        }
        List<ScaleResult> results = new ArrayList<>();
        if (options.onlineRetail() != null) {
            results.add(measure("Online Retail II", () -> OnlineRetailReader.open(options.onlineRetail()), options));
        } else {
            for (long customers : options.customerScales()) {
                SyntheticConfig config = SyntheticWorkload.config(customers, options.orders(), options.seed());
                LOG.info("Synthetic data: {} customers at {} purchases a year", customers,
                        String.format("%.2f", config.meanPurchasesPerYear()));
                results.add(measure(String.format("synthetic %,d", customers), () -> SyntheticWorkload.source(config),
                        options));
                System.out.println(ResultTables.render(results, options.variants(), options.repeats()));
            }
        }
        System.out.println(ResultTables.render(results, options.variants(), options.repeats()));
    }

    private static ScaleResult measure(String name, Supplier<OrderSource> source, ThroughputOptions options)
            throws Exception {
        Path workDir = Files.createTempDirectory(options.workDir(), "churnwatch-bench-");
        try (BenchmarkCluster cluster = BenchmarkCluster.start(workDir, options.embeddedRegistry(),
                options.partitions(), options.brokerHeap())) {
            OrderLoad.Loaded loaded = OrderLoad.publish(source.get(), cluster.bootstrapServers(), cluster.registryUrl());
            LOG.info("{}: published {} orders ({} lines, {} customers) in {} s", name, loaded.orders(),
                    loaded.lines(), loaded.customers(), loaded.duration().toSeconds());
            List<BaselineDrain.Drained> bytes = new ArrayList<>();
            List<BaselineDrain.Drained> decoding = new ArrayList<>();
            Map<TopologyVariant, List<TopologyRun.Measured>> runs = new EnumMap<>(TopologyVariant.class);
            for (int repeat = 0; repeat < options.repeats(); repeat++) {
                bytes.add(BaselineDrain.drain(cluster.bootstrapServers(), cluster.registryUrl(), loaded.orders(), false));
                decoding.add(BaselineDrain.drain(cluster.bootstrapServers(), cluster.registryUrl(), loaded.orders(), true));
                for (TopologyVariant variant : options.variants()) {
                    runs.computeIfAbsent(variant, v -> new ArrayList<>())
                            .add(TopologyRun.run(cluster, variant, options.partitions()));
                }
            }
            return new ScaleResult(name, loaded, bytes, decoding, runs);
        } finally {
            deleteRecursively(workDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }
}
