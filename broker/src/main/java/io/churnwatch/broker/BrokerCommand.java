package io.churnwatch.broker;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code broker [--data-dir DIR] [--port N] [--controller-port N] [--heap SIZE] [--help]}: runs the embedded
 * Kafka broker in the foreground until Ctrl-C, keeping its data across restarts.
 */
public final class BrokerCommand {

    static final String USAGE = """
            Usage: broker [--data-dir DIR] [--port N] [--controller-port N] [--heap SIZE] [--help]

            Starts a single-node Apache Kafka broker (KRaft mode, broker and controller in one JVM) on
            127.0.0.1, waits until it serves clients, and stays in the foreground. Ctrl-C stops it cleanly.
            Data survives restarts: storage is formatted only the first time a data dir is used.

            Options:
              --data-dir DIR         broker data: topics, KRaft metadata, server.properties, broker.log
                                     (default: $CHURNWATCH_DATA_DIR/kafka, else ./data/runtime/kafka)
              --port N               client port for producers, consumers and admin tools
                                     (default: $CHURNWATCH_KAFKA_PORT, else 9092)
              --controller-port N    KRaft controller port; fixed once the data dir is formatted
                                     (default: $CHURNWATCH_KAFKA_CONTROLLER_PORT, else 9093)
              --heap SIZE            maximum heap of the broker JVM, e.g. 512m or 1g
                                     (default: $CHURNWATCH_KAFKA_HEAP, else 512m)
              --help                 show this help and exit

            Environment:
              CHURNWATCH_DATA_DIR                root of all runtime data; the broker uses its kafka/ folder
              CHURNWATCH_KAFKA_PORT              client port
              CHURNWATCH_KAFKA_CONTROLLER_PORT   controller port
              CHURNWATCH_KAFKA_HEAP              broker heap
            Options win over the environment.

            The broker's own log is DIR/broker.log (the previous run's is broker.log.1).
            Exit codes: 1 when the broker cannot start or dies, 2 for a bad command line, and the usual
            130 (Ctrl-C) or 143 (SIGTERM) after a clean stop.
            """;

    private static final int EXIT_ON_SIGINT = 130;
    private static final int EXIT_ON_SIGTERM = 143;

    private BrokerCommand() {
    }

    public static void main(String[] args) {
        quietClientLogging();
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command; returns the exit code. Blocks until the broker stops when it started. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        BrokerSettings settings;
        try {
            BrokerCommandLine line = BrokerCommandLine.parse(args);
            if (line.help()) {
                out.print(USAGE);
                return 0;
            }
            settings = line.applyTo(BrokerSettings.fromEnvironment(env));
        } catch (IllegalArgumentException e) {
            err.println("broker: " + e.getMessage());
            err.println("Run 'broker --help' for the options.");
            return 2;
        }

        KafkaBrokerProcess broker = new KafkaBrokerProcess(settings);
        AtomicBoolean stopping = new AtomicBoolean();
        Thread stopOnExit = new Thread(() -> {
            stopping.set(true);
            if (broker.isAlive()) {
                out.println("Stopping the Kafka broker...");
            }
            broker.stop();
        }, "broker-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        KafkaBrokerProcess.BrokerStartup startup;
        try {
            startup = broker.start();
        } catch (BrokerStartException e) {
            err.println("broker: " + e.getMessage());
            return 1;
        }
        out.printf(Locale.ROOT, "Kafka broker ready on %s in %.1f s (data: %s%s)%n", broker.bootstrapServers(),
                startup.timeToReady().toMillis() / 1000.0, broker.dataDir(),
                startup.formatted() ? ", newly formatted" : "");
        out.println("Log: " + broker.logFile() + ". Press Ctrl-C to stop.");
        out.flush();

        int exitCode = broker.onExit().join().exitValue();
        // Ctrl-C reaches the broker JVM too (same process group), so it may exit before our shutdown hook runs.
        if (stopping.get() || exitCode == EXIT_ON_SIGINT || exitCode == EXIT_ON_SIGTERM) {
            out.println("Kafka broker stopped.");
            return 0;
        }
        err.println("broker: the Kafka broker exited unexpectedly with code " + exitCode + "; see " + broker.logFile());
        return 1;
    }

    /**
     * Kafka's client classes log their whole configuration at INFO, and this command prints the broker's status
     * itself; the console keeps warnings and errors only.
     */
    private static void quietClientLogging() {
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.churnwatch.broker.KafkaBrokerProcess", "warn");
    }
}
