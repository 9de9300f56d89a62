package io.churnwatch.cli.cluster;

import io.churnwatch.broker.BrokerSettings;
import io.churnwatch.producers.onlineretail.ProjectSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code churnwatch cluster} was asked to do.
 *
 * @param nodes            serving nodes to start, each its own JVM
 * @param basePort         node 1 listens on this HTTP port, node 2 on the next, and so on
 * @param registryPort     port of the schema registry the command starts (or reuses) when no URL is given
 * @param bootstrapServers an existing Kafka to use instead of the local broker; null: the local broker
 * @param registryUrl      an existing schema registry to use; null: the one on {@code registryPort}
 * @param replay           an Online Retail (II) CSV to send once the nodes run; null: none
 * @param dataRoot         where the broker, the nodes' state and their logs live
 */
record ClusterOptions(int nodes, int basePort, int registryPort, String bootstrapServers, String registryUrl,
                      Path replay, Path dataRoot, boolean help) {

    static final int DEFAULT_NODES = 2;
    static final int MAX_NODES = 5;
    static final int DEFAULT_BASE_PORT = 8080;
    static final String ENV_REGISTRY_PORT = "CHURNWATCH_REGISTRY_PORT";

    static final String USAGE = """
            Usage: ./churnwatch cluster [--nodes N] [--port BASE] [--replay PATH|sample] [options] [--help]

            Runs churnwatch as a cluster on this machine, the same shape as docker-compose.yml: one Kafka broker
            (its own JVM; an already running one is reused), one schema registry (its own JVM, so every node is
            equal; reused when one answers) and N serving nodes, each its own JVM with its own state directory,
            all in one Kafka Streams application. Any node answers any customer: a query for a key that another
            node hosts is forwarded to it. The command waits until every node is RUNNING, prints which node owns
            a few sample customers with curl lines to try, and keeps running until Ctrl-C, which stops every
            process it started (the nodes first: they leave the group, so nothing waits for a session timeout).
            A second run resumes from the data on disk.

            Options:
              --nodes N                  serving nodes, 1 to %d (default %d)
              --port BASE                node 1 listens on BASE, node i on BASE+i-1 (default %d)
              --registry-port N          the schema registry's port (default: $%s, else BASE-1)
              --replay PATH|sample       send an Online Retail (II) CSV once the nodes run; 'sample' is the one
                                         the project ships (%s)
              --bootstrap-servers LIST   use this Kafka instead of the local broker (it must answer)
              --schema-registry-url URL  use this schema registry instead of starting one (it must answer)
              --help                     show this help

            Data: $CHURNWATCH_DATA_DIR (default data/runtime): kafka/ for the broker, cluster/node-i/ for each
            node's state and node.log, cluster/registry.log. Node failures are printed here as they happen.
            Environment: CHURNWATCH_KAFKA_PORT (9092), CHURNWATCH_KAFKA_CONTROLLER_PORT (9093), CHURNWATCH_NODE_HEAP
            (512m per node), and every CHURNWATCH_* setting of './churnwatch serve --help', which each node reads
            (the command sets the bootstrap servers, registry URL, ports, state dir and application.server itself).
            """.formatted(MAX_NODES, DEFAULT_NODES, DEFAULT_BASE_PORT, ENV_REGISTRY_PORT, ProjectSample.RELATIVE_PATH);

    ClusterOptions {
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("--nodes must be between 1 and " + MAX_NODES + ", got " + nodes);
        }
        checkPort("--port", basePort);
        checkPort("the last node's port", basePort + nodes - 1);
        checkPort("--registry-port", registryPort);
        if (registryUrl == null && registryPort >= basePort && registryPort < basePort + nodes) {
            throw new IllegalArgumentException("the registry port " + registryPort + " is one of the nodes' ports ("
                    + basePort + "-" + (basePort + nodes - 1) + "); choose another --registry-port or --port");
        }
    }

    /** The HTTP port of node {@code index} (1-based). */
    int nodePort(int index) {
        return basePort + index - 1;
    }

    static ClusterOptions parse(String[] args, Map<String, String> env) {
        int nodes = DEFAULT_NODES;
        int basePort = DEFAULT_BASE_PORT;
        Integer registryPort = null;
        String bootstrapServers = null;
        String registryUrl = null;
        Path replay = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return new ClusterOptions(DEFAULT_NODES, DEFAULT_BASE_PORT, DEFAULT_BASE_PORT - 1, null, null, null,
                        dataRoot(env), true);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value"
                        : "unexpected argument '" + option + "'");
            }
            String value = args[++i];
            switch (option) {
                case "--nodes" -> nodes = number(option, value);
                case "--port" -> basePort = number(option, value);
                case "--registry-port" -> registryPort = number(option, value);
                case "--bootstrap-servers" -> bootstrapServers = value;
                case "--schema-registry-url" -> registryUrl = value.endsWith("/")
                        ? value.substring(0, value.length() - 1) : value;
                case "--replay" -> replay = replayFile(value);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        if (registryPort == null) {
            String fromEnv = env.get(ENV_REGISTRY_PORT);
            registryPort = fromEnv == null || fromEnv.isBlank() ? basePort - 1 : number(ENV_REGISTRY_PORT, fromEnv);
        }
        return new ClusterOptions(nodes, basePort, registryPort, bootstrapServers, registryUrl, replay,
                dataRoot(env), false);
    }

    private static Path replayFile(String value) {
        Path file = value.equals("sample") ? ProjectSample.onlineRetailII() : Path.of(value);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("--replay: cannot read " + file.toAbsolutePath());
        }
        return file;
    }

    private static Path dataRoot(Map<String, String> env) {
        String root = env.get(BrokerSettings.ENV_DATA_DIR);
        return (root == null || root.isBlank() ? BrokerSettings.DEFAULT_DATA_ROOT : Path.of(root)).toAbsolutePath();
    }

    private static int number(String what, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " needs a number, got '" + value + "'");
        }
    }

    private static void checkPort(String what, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be between 1 and 65535, got " + port);
        }
    }
}
