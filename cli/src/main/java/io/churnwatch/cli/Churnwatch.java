package io.churnwatch.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code churnwatch} command. Each subcommand is the main of the module that owns it, so every part can
 * also run on its own; this class only dispatches and explains.
 */
public final class Churnwatch {

    private record Subcommand(String summary, MainMethod main) {
    }

    @FunctionalInterface
    private interface MainMethod {
        void run(String[] args) throws Exception;
    }

    /** Log level of every command (default: warn, Kafka's clients: error). */
    public static final String ENV_LOG_LEVEL = "CHURNWATCH_LOG_LEVEL";

    private static final Map<String, Subcommand> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("demo", new Subcommand(
                "everything on one machine: broker, serving node, trainer, sample data, live alerts",
                DemoCommand::main));
        SUBCOMMANDS.put("cluster", new Subcommand(
                "several serving nodes on this machine, each its own JVM, with a broker and a schema registry",
                io.churnwatch.cli.cluster.ClusterCommand::main));
        SUBCOMMANDS.put("broker", new Subcommand(
                "a single-node KRaft Kafka broker in its own JVM, data kept on disk",
                io.churnwatch.broker.BrokerCommand::main));
        SUBCOMMANDS.put("registry", new Subcommand(
                "the embedded Confluent-API schema registry (schemas kept in the _schemas topic)",
                io.churnwatch.registry.RegistryCommand::main));
        SUBCOMMANDS.put("replay", new Subcommand(
                "send order events: Online Retail CSV, the generic CSV layout, or synthetic data",
                io.churnwatch.producers.cli.ReplayCommand::main));
        SUBCOMMANDS.put("serve", new Subcommand(
                "a serving node: the stream, the scorer and the HTTP API (several make a cluster)",
                io.churnwatch.serving.ServingApp::main));
        SUBCOMMANDS.put("train", new Subcommand(
                "train and release the models once (--once) or on a schedule (--every 6h)",
                io.churnwatch.trainer.cli.TrainCommand::main));
        SUBCOMMANDS.put("streams", new Subcommand(
                "the Kafka Streams topology alone (features, timers, snapshots), without the API",
                io.churnwatch.streams.StreamsApp::main));
    }

    private Churnwatch() {
    }

    public static void main(String[] args) throws Exception {
        quietKafkaLogs();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            System.out.println(usage());
            return;
        }
        Subcommand subcommand = SUBCOMMANDS.get(args[0]);
        if (subcommand == null) {
            System.err.println("churnwatch: unknown command '" + args[0] + "'\n");
            System.err.println(usage());
            System.exit(2);
        }
        subcommand.main().run(Arrays.copyOfRange(args, 1, args.length));
    }

    /**
     * Kafka's clients log every setting at INFO and retry benign transaction races at WARN: keep the terminal for
     * what the user asked to see, unless CHURNWATCH_LOG_LEVEL (or -Dorg.slf4j.simpleLogger.* ) says otherwise.
     */
    private static void quietKafkaLogs() {
        String level = System.getenv(ENV_LOG_LEVEL);
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level != null ? level : "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", level != null ? level : "error");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka.streams.KafkaStreams", level != null ? level : "warn");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    static String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: ./churnwatch <command> [options]

                Churn prevention on Kafka: live customer state, churn models, alerts and a query API.

                Commands:
                """);
        SUBCOMMANDS.forEach((name, sub) -> text.append(String.format("  %-10s %s%n", name, sub.summary())));
        text.append("""

                Run './churnwatch <command> --help' for the options of a command.
                Every option can also be set by an environment variable (CHURNWATCH_...); see README.md.""");
        return text.toString();
    }
}
