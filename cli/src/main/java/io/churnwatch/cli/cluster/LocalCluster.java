package io.churnwatch.cli.cluster;

import io.churnwatch.broker.BrokerSettings;
import io.churnwatch.broker.KafkaBrokerProcess;
import io.churnwatch.scoring.ScoringSettings;
import io.churnwatch.serving.config.ServingConfig;
import io.churnwatch.streams.config.StreamsAppConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The processes of a cluster on this machine: a Kafka broker and a schema registry (started, or reused when one
 * already answers) and N serving nodes, each its own JVM. {@link #close()} stops what it started, nodes first
 * (they leave the group while Kafka still runs), then the registry, then the broker.
 */
final class LocalCluster implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(90);
    /** Closing Kafka Streams waits up to 30 s itself; the rest is Micronaut's shutdown. */
    static final Duration NODE_STOP_TIMEOUT = Duration.ofSeconds(45);
    static final String ENV_NODE_HEAP = "CHURNWATCH_NODE_HEAP";

    private final ClusterOptions options;
    private final Map<String, String> env;
    private final PrintStream out;
    private final List<ClusterReadiness.StartedNode> nodes = new CopyOnWriteArrayList<>();
    // Ctrl-C may come while start() runs: close() then stops whatever has been started so far.
    private volatile boolean closed;
    private volatile KafkaBrokerProcess broker;
    private volatile ChildProcess registry;
    private String bootstrapServers;
    private String registryUrl;
    private StreamsAppConfig streams;

    /** @param env the environment every node starts from (the user's CHURNWATCH_* settings) */
    LocalCluster(ClusterOptions options, Map<String, String> env, PrintStream out) {
        this.options = options;
        this.env = env;
        this.out = out;
    }

    /** Starts (or finds) Kafka and the registry, then the nodes, and returns once all of them are RUNNING. */
    void start() throws InterruptedException {
        // A malformed setting or a taken port fails here, before anything has started.
        streams = validNodeConfiguration();
        for (int i = 1; i <= options.nodes(); i++) {
            ensureFree(spec(i));
        }
        bootstrapServers = ensureKafka();
        registryUrl = ensureRegistry();
        step("Starting " + options.nodes() + " serving node(s), each in its own JVM");
        for (int i = 1; i <= options.nodes() && !closed; i++) {
            NodeSpec node = spec(i);
            rotate(node.logFile());
            ChildProcess process = ChildProcess.start(node.name(), nodeJvmOptions(), List.of("serve"),
                    node.environment(env, bootstrapServers, registryUrl), node.logFile(), out);
            nodes.add(new ClusterReadiness.StartedNode(node, process));
        }
        step("Waiting until every node is RUNNING and the group is stable");
        Instant started = Instant.now();
        ClusterReadiness.await(nodes, bootstrapServers, streams.applicationId(), streams.streamThreads(),
                READY_TIMEOUT);
        done(String.format("%d node(s) RUNNING in %.1f s (application.id %s)", nodes.size(),
                Duration.between(started, Instant.now()).toMillis() / 1000.0, streams.applicationId()));
        for (ClusterReadiness.StartedNode node : nodes) {
            node.process().process().onExit().thenRun(() -> {
                if (!node.process().stopping()) {
                    out.println("\ncluster: " + node.process().exitReport() + "\ncluster: the other nodes take "
                            + "over its customers (at once if it left the group, else after the session timeout); "
                            + "Ctrl-C stops them.");
                }
            });
        }
    }

    /** The streams configuration every node will run with (the addresses are set per node later). */
    private StreamsAppConfig validNodeConfiguration() {
        Map<String, String> nodeEnv = spec(1).environment(env, "localhost:9092", "http://localhost:8081");
        try {
            ServingConfig.from(nodeEnv);
            ScoringSettings.from(nodeEnv);
            return StreamsAppConfig.from(nodeEnv);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid node configuration: " + e.getMessage(), e);
        }
    }

    private String ensureKafka() {
        if (options.bootstrapServers() != null) {
            if (!KafkaProbe.answers(options.bootstrapServers())) {
                throw new IllegalStateException("no Kafka answers at " + options.bootstrapServers());
            }
            done("using Kafka at " + options.bootstrapServers());
            return options.bootstrapServers();
        }
        BrokerSettings settings = BrokerSettings.fromEnvironment(env)
                .withDataDir(options.dataRoot().resolve("kafka"));
        if (KafkaProbe.answers(settings.bootstrapServers())) {
            done("reusing the Kafka broker that answers on " + settings.bootstrapServers());
            return settings.bootstrapServers();
        }
        step("Starting the Kafka broker");
        broker = new KafkaBrokerProcess(settings);
        KafkaBrokerProcess.BrokerStartup startup = broker.start();
        done(String.format("Kafka broker ready on %s in %.1f s (%s, data: %s)", broker.bootstrapServers(),
                startup.timeToReady().toMillis() / 1000.0, startup.formatted() ? "new" : "resumed", broker.dataDir()));
        return broker.bootstrapServers();
    }

    private String ensureRegistry() throws InterruptedException {
        if (options.registryUrl() != null) {
            if (!HttpProbe.registryAnswers(options.registryUrl())) {
                throw new IllegalStateException("no schema registry answers at " + options.registryUrl());
            }
            done("using the schema registry at " + options.registryUrl());
            return options.registryUrl();
        }
        String url = "http://" + NodeSpec.HOST + ":" + options.registryPort();
        if (HttpProbe.registryAnswers(url)) {
            done("reusing the schema registry that answers at " + url);
            return url;
        }
        step("Starting the schema registry (its own JVM, schemas in the _schemas topic)");
        Path log = options.dataRoot().resolve("cluster").resolve("registry.log");
        rotate(log);
        registry = ChildProcess.start("registry", List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                List.of("registry", "--bootstrap-servers", bootstrapServers, "--host", NodeSpec.BIND_ADDRESS,
                        "--port", Integer.toString(options.registryPort())), env, log, out);
        Instant deadline = Instant.now().plus(REGISTRY_TIMEOUT);
        while (!HttpProbe.registryAnswers(url)) {
            if (!registry.isAlive()) {
                throw new IllegalStateException("the schema registry could not start: " + registry.exitReport());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the schema registry did not answer at " + url + " within "
                        + REGISTRY_TIMEOUT.toSeconds() + " s; see " + log);
            }
            Thread.sleep(200);
        }
        done("schema registry at " + url + " (pid " + registry.pid() + ")");
        return url;
    }

    /** A taken port would only show as a bind error deep in the node's log. */
    private static void ensureFree(NodeSpec node) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(NodeSpec.BIND_ADDRESS, node.port()));
        } catch (IOException e) {
            throw new IllegalStateException("port " + node.port() + " for " + node.name() + " is already in use ("
                    + e.getMessage() + "); stop what listens there or choose another --port");
        }
    }

    private NodeSpec spec(int index) {
        return new NodeSpec(index, options.nodePort(index),
                options.dataRoot().resolve("cluster").resolve("node-" + index));
    }

    private List<String> nodeJvmOptions() {
        String heap = env.getOrDefault(ENV_NODE_HEAP, "512m");
        return List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                // the node's log is a file: keep what explains its life, and the time of each line
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.streams.KafkaStreams=info",
                "-Dorg.slf4j.simpleLogger.log.io.micronaut=warn",
                "-Dorg.slf4j.simpleLogger.log.io.netty=warn",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String registryUrl() {
        return registryUrl;
    }

    String applicationId() {
        return streams.applicationId();
    }

    /** Whether any process was started that {@link #close()} has to stop. */
    boolean startedAnything() {
        return broker != null || registry != null || !nodes.isEmpty();
    }

    /** True once {@link #close()} was called: a failing start is then the stop itself, not an error. */
    boolean closed() {
        return closed;
    }

    List<ClusterReadiness.StartedNode> nodes() {
        return List.copyOf(nodes);
    }

    /** Stops every process this cluster started, in the order that lets each leave cleanly. */
    @Override
    public void close() {
        closed = true;
        nodes.forEach(node -> node.process().requestStop());
        for (ClusterReadiness.StartedNode node : nodes) {
            stopped(node.process());
        }
        if (registry != null) {
            registry.requestStop();
            stopped(registry);
        }
        if (broker != null) {
            Instant started = Instant.now();
            broker.stop();
            done(String.format("stopped the Kafka broker (%.1f s)", Duration.between(started, Instant.now()).toMillis() / 1000.0));
        }
    }

    private void stopped(ChildProcess process) {
        try {
            Instant started = Instant.now();
            boolean clean = process.awaitStopped(NODE_STOP_TIMEOUT);
            done(String.format("stopped %s (%.1f s)%s", process.name(),
                    Duration.between(started, Instant.now()).toMillis() / 1000.0,
                    clean ? "" : ": it did not stop in time and was killed; see " + process.logFile()));
        } catch (InterruptedException e) {
            process.process().destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the previous run's log beside the new one. */
    private static void rotate(Path log) {
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + log, e);
        }
    }

    private void step(String what) {
        out.println("» " + what + "...");
    }

    private void done(String what) {
        out.println("  ✓ " + what);
    }
}
