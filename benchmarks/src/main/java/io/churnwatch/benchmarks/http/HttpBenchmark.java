package io.churnwatch.benchmarks.http;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.benchmarks.cli.Args;
import io.churnwatch.benchmarks.cli.UsageException;
import io.churnwatch.benchmarks.throughput.BenchmarkCluster;
import io.churnwatch.benchmarks.throughput.OrderLoad;
import io.churnwatch.benchmarks.throughput.SyntheticWorkload;
import io.churnwatch.producers.synthetic.SyntheticConfig;
import io.churnwatch.producers.synthetic.SyntheticOrderSource;
import io.churnwatch.schemas.Topics;
import io.churnwatch.streams.ChurnwatchTopology;
import io.churnwatch.trainer.release.ReleasePublisher;

/**
 * The HTTP benchmark of {@code GET /customers/{id}}: a harness to run by hand ({@code benchmarks/http/run-wrk.sh}),
 * not a test. A real broker and two serving nodes, each in its own JVM; wrk asks node 1 for the customers it hosts
 * (answered from its own stores) and for those node 2 hosts (forwarded over HTTP and relayed).
 */
public final class HttpBenchmark {

    static {
        // Before the first logger exists: slf4j-simple reads its settings once.
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.io.churnwatch", "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss");
    }

    private static final Logger LOG = LoggerFactory.getLogger(HttpBenchmark.class);
    private static final Duration NODE_START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(30);

    private HttpBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        HttpBenchmarkOptions options;
        try {
            Args args = Args.parse(argv, HttpBenchmarkOptions.WITH_VALUE, HttpBenchmarkOptions.FLAGS);
            if (args.has("--help")) {
                System.out.print(HttpBenchmarkOptions.usage());
                return;
            }
            options = HttpBenchmarkOptions.parse(args);
            requireWrk();
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(HttpBenchmarkOptions.usage());
            System.exit(2);
            return;
        }
        Path workDir = options.workDir() != null ? Files.createDirectories(options.workDir())
                : Files.createTempDirectory("churnwatch-http-bench");
        try {
            List<Measured> results = run(options, workDir);
            String report = HttpReport.render(options, results);
            System.out.println(report);
            Files.writeString(workDir.resolve("results.md"), report);
        } finally {
            if (options.workDir() == null && !options.keep() && !options.profile()) {
                deleteRecursively(workDir);
            } else {
                LOG.info("Kept {} (logs, key files, results.md)", workDir);
            }
        }
    }

    /** One key set's measured run, with the CPU the nodes and the machine used meanwhile. */
    record Measured(String keys, int keyCount, WrkRun.Result wrk, MachineLoad.Sample machine, Duration node1Cpu,
                    Duration node2Cpu, Duration elapsed) {
    }

    private static List<Measured> run(HttpBenchmarkOptions options, Path workDir) throws Exception {
        String applicationId = "churnwatch-http-bench-" + UUID.randomUUID();
        try (BenchmarkCluster cluster = BenchmarkCluster.start(workDir, true, options.partitions(),
                options.brokerHeap())) {
            // On the models topic before the nodes start: their global store reads it from the beginning.
            try (ReleasePublisher publisher = new ReleasePublisher(cluster.bootstrapServers(), cluster.registryUrl(),
                    (short) 1)) {
                publisher.publish(SyntheticRelease.build());
            }
            Map<String, String> env = nodeEnvironment(options, cluster, applicationId);
            try (ServingNodeProcess node1 = startNode("node-1", options, env, workDir);
                 ServingNodeProcess node2 = startNode("node-2", options, env, workDir)) {
                node1.awaitHealthy(NODE_START_TIMEOUT);
                node2.awaitHealthy(NODE_START_TIMEOUT);
                // Both own partitions before any data exists, so no task waits for a warm-up to move.
                ServingNodeProcess.pause(Duration.ofSeconds(5));
                node1.awaitHealthy(NODE_START_TIMEOUT);
                node2.awaitHealthy(NODE_START_TIMEOUT);

                SyntheticConfig config = SyntheticWorkload.config(options.customers(), options.orders(),
                        options.seed());
                OrderLoad.Loaded loaded = OrderLoad.publish(SyntheticWorkload.source(config),
                        cluster.bootstrapServers(), cluster.registryUrl());
                LOG.info("Published {} orders of {} customers in {} s", loaded.orders(), loaded.customers(),
                        loaded.duration().toSeconds());
                StreamCatchUp.await(cluster.admin(), applicationId, PROCESSING_TIMEOUT, Topics.ORDERS,
                        applicationId + "-" + ChurnwatchTopology.REPARTITION_NAME + "-repartition");

                KeyFiles.Split split = KeyFiles.write(node1, node2, customers(config), workDir);
                LOG.info("{} customers answered by node 1 ({} with a score): {} local, {} forwarded to node 2",
                        split.local().size() + split.forwarded().size(), split.scored(), split.local().size(),
                        split.forwarded().size());
                if (split.local().isEmpty() || split.forwarded().isEmpty()) {
                    throw new IllegalStateException("one node hosts every customer: nothing to compare");
                }
                List<Measured> results = new ArrayList<>();
                results.add(measure("local", split.localFile(), split.local().size(), node1, node2, options));
                results.add(measure("forwarded", split.forwardedFile(), split.forwarded().size(), node1, node2,
                        options));
                return results;
            }
        }
    }

    private static Map<String, String> nodeEnvironment(HttpBenchmarkOptions options, BenchmarkCluster cluster,
                                                       String applicationId) {
        Map<String, String> env = new HashMap<>();
        env.put("CHURNWATCH_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
        env.put("CHURNWATCH_SCHEMA_REGISTRY_URL", cluster.registryUrl());
        env.put("CHURNWATCH_APPLICATION_ID", applicationId);
        env.put("CHURNWATCH_TOPIC_PARTITIONS", String.valueOf(options.partitions()));
        // The orders are published in event-time order: nothing to reorder, and no customer left in the buffer.
        env.put("CHURNWATCH_REORDER_GRACE", "0");
        // The load only has to build state and scores; snapshots and frequent re-evaluations would make it
        // take many minutes without changing what a GET reads.
        env.put("CHURNWATCH_SNAPSHOT_CUTOFFS", "every-3650-days");
        env.put("CHURNWATCH_LABEL_HORIZON_DAYS", "0");
        env.put("CHURNWATCH_INACTIVITY_OFFSETS_DAYS", "90,365");
        env.put("CHURNWATCH_INACTIVITY_GAP_MULTIPLIER", "0");
        return env;
    }

    private static ServingNodeProcess startNode(String name, HttpBenchmarkOptions options, Map<String, String> env,
                                                Path workDir) throws IOException {
        Path dir = Files.createDirectories(workDir.resolve(name));
        Map<String, String> own = new HashMap<>(env);
        own.put("CHURNWATCH_STATE_DIR", dir.resolve("state").toString());
        ServingNodeProcess node = ServingNodeProcess.start(name, options.servingClasspath(), options.nodeHeap(), own,
                dir.resolve("node.log"));
        LOG.info("Started {} (pid {}) at {}, log {}", name, node.pid(), node.baseUrl(), node.log());
        return node;
    }

    private static Set<String> customers(SyntheticConfig config) {
        Set<String> customers = new LinkedHashSet<>();
        try (SyntheticOrderSource source = new SyntheticOrderSource(config)) {
            while (source.hasNext()) {
                customers.add(source.next().getCustomerId());
            }
        }
        return customers;
    }

    private static Measured measure(String name, Path keys, int keyCount, ServingNodeProcess node1,
                                    ServingNodeProcess node2, HttpBenchmarkOptions options) {
        String url = node1.baseUrl() + "/";
        Path lua = options.luaScript().toAbsolutePath();
        LOG.info("Warming up on {} keys for {} s", name, options.warmup().toSeconds());
        WrkRun.Result warmup = WrkRun.run(WrkRun.command(url, lua, keys, options.threads(), options.connections(),
                options.warmup()));
        if (!warmup.clean()) {
            throw new IllegalStateException("the warm-up on " + name + " keys had failures:\n" + warmup.output());
        }
        LOG.info("Measuring {} keys for {} s (wrk -t{} -c{})", name, options.duration().toSeconds(), options.threads(),
                options.connections());
        Duration cpu1 = node1.cpuTime();
        Duration cpu2 = node2.cpuTime();
        NodeProfiler profiler = options.profile()
                ? NodeProfiler.start(node1, name, keys.resolveSibling("node-1").resolve(name + ".jfr")) : null;
        MachineLoad.Snapshot before = MachineLoad.now();
        long started = System.nanoTime();
        WrkRun.Result result = WrkRun.run(WrkRun.command(url, lua, keys, options.threads(), options.connections(),
                options.duration()));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        if (profiler != null) {
            LOG.info("Node 1's flight recording: {}", profiler.stop());
        }
        MachineLoad.Sample machine = MachineLoad.since(before);
        writeQuietly(keys.resolveSibling("wrk-" + name + ".txt"), result.output());
        Measured measured = new Measured(name, keyCount, result, machine, node1.cpuTime().minus(cpu1),
                node2.cpuTime().minus(cpu2), elapsed);
        LOG.info("{}: {} req/s, p50 {} ms, p99 {} ms", name, String.format("%,.0f", result.requestsPerSecond()),
                String.format("%.2f", result.p50()), String.format("%.2f", result.p99()));
        return measured;
    }

    private static void writeQuietly(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            LOG.warn("Could not write {}: {}", file, e.toString());
        }
    }

    private static void requireWrk() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "wrk"))) {
                return;
            }
        }
        throw new UsageException("wrk is not on the PATH: install it with 'sudo apt-get install -y wrk'");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
