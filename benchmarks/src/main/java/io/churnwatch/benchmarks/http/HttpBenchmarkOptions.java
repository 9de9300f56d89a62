package io.churnwatch.benchmarks.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import io.churnwatch.benchmarks.cli.Args;
import io.churnwatch.benchmarks.cli.UsageException;

/**
 * What the HTTP benchmark runs: the data it loads, the two serving JVMs, and wrk's load.
 *
 * @param servingClasspath classpath of the serving module (its classes and dependencies) for the node JVMs
 * @param luaScript        wrk script that cycles through a key file
 */
record HttpBenchmarkOptions(long customers, long orders, long seed, int partitions, String nodeHeap,
                            String brokerHeap, int threads, int connections, Duration duration, Duration warmup,
                            String servingClasspath, Path luaScript, Path workDir, boolean keep, boolean profile) {

    static final Set<String> WITH_VALUE = Set.of("--customers", "--orders", "--seed", "--partitions", "--node-heap",
            "--broker-heap", "--threads", "--connections", "--duration", "--warmup", "--serving-classpath", "--lua",
            "--work-dir");
    static final Set<String> FLAGS = Set.of("--help", "--keep", "--profile");

    static HttpBenchmarkOptions parse(Args args) {
        String classpath = args.value("--serving-classpath").orElseThrow(() -> new UsageException(
                "--serving-classpath is required (benchmarks/http/run-wrk.sh computes it)"));
        HttpBenchmarkOptions options = new HttpBenchmarkOptions(
                args.get("--customers", 20_000L, Long::parseLong),
                args.get("--orders", 60_000L, Long::parseLong),
                args.get("--seed", 42L, Long::parseLong),
                args.get("--partitions", 6, Integer::parseInt),
                args.get("--node-heap", "1g", text -> text),
                args.get("--broker-heap", "512m", text -> text),
                args.get("--threads", 2, Integer::parseInt),
                args.get("--connections", 32, Integer::parseInt),
                args.get("--duration", Duration.ofSeconds(30), HttpBenchmarkOptions::seconds),
                args.get("--warmup", Duration.ofSeconds(10), HttpBenchmarkOptions::seconds),
                classpath,
                args.get("--lua", Path.of("benchmarks/http/customers.lua"), Path::of),
                args.value("--work-dir").map(Path::of).orElse(null),
                args.has("--keep"),
                args.has("--profile"));
        if (options.customers < 2 || options.orders < options.customers) {
            throw new UsageException("--customers must be at least 2 and --orders at least --customers");
        }
        if (options.threads < 1 || options.connections < options.threads) {
            throw new UsageException("--threads must be at least 1 and --connections at least --threads");
        }
        if (!options.luaScript.toFile().isFile()) {
            throw new UsageException("--lua " + options.luaScript + " is not a file");
        }
        return options;
    }

    /** {@code 30s} or {@code 30}. */
    private static Duration seconds(String text) {
        long value = Long.parseLong(text.endsWith("s") ? text.substring(0, text.length() - 1) : text);
        if (value < 1) {
            throw new IllegalArgumentException("must be at least one second");
        }
        return Duration.ofSeconds(value);
    }

    static String usage() {
        return """
                Usage: benchmarks/http/run-wrk.sh [options]
                       (java -cp ... io.churnwatch.benchmarks.http.HttpBenchmark --serving-classpath CP [options])

                Starts a Kafka broker (own JVM) and two serving nodes (own JVMs) of one application, loads synthetic
                customers, waits until every one is answered, splits them into the keys node 1 hosts (local) and
                those node 2 hosts (forwarded by node 1), then runs wrk against node 1's GET /customers/{id} for
                each key set and prints requests/s and latency percentiles.

                Options:
                  --customers N         synthetic customers (default 20000)
                  --orders N            about this many orders in all (default 60000)
                  --seed N              generator seed (default 42)
                  --partitions N        partitions of the app's topics (default 6)
                  --node-heap SIZE      -Xmx of each serving JVM (default 1g)
                  --broker-heap SIZE    -Xmx of the broker JVM (default 512m)
                  --threads N           wrk threads (default 2)
                  --connections N       wrk connections (default 32)
                  --duration SECONDS    measured run per key set (default 30s)
                  --warmup SECONDS      unmeasured run before each (default 10s)
                  --lua FILE            wrk script (default benchmarks/http/customers.lua)
                  --work-dir DIR        where the broker, the nodes' state, logs and key files go
                                        (default: a new temporary directory)
                  --keep                keep the work directory (default: deleted unless --work-dir is given)
                  --profile             record node 1 with Java Flight Recorder during each measured run
                                        (node-1/<keys>.jfr in the work directory; implies --keep)
                  --serving-classpath CP  classpath of the serving module (required; run-wrk.sh sets it)
                  --help                this text
                """;
    }
}
