package io.churnwatch.registry;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java io.churnwatch.registry.RegistryCommand [options]}: runs the embedded schema registry until stopped.
 */
public final class RegistryCommand {

    static final String USAGE = """
            Usage: registry [options]

            Runs a Confluent-API schema registry that keeps its schemas in a compacted Kafka topic.

            Options (each overrides its environment variable):
              --bootstrap-servers HOST:PORT  Kafka brokers   (CHURNWATCH_BOOTSTRAP_SERVERS, default localhost:9092)
              --port N                       HTTP port, 0 = any free one (CHURNWATCH_REGISTRY_PORT, default 8081)
              --host ADDRESS                 address to bind (CHURNWATCH_REGISTRY_HOST, default 127.0.0.1)
              --topic NAME                   registry topic  (CHURNWATCH_REGISTRY_TOPIC, default _schemas)
              --replication-factor N         when creating the topic (CHURNWATCH_REGISTRY_REPLICATION_FACTOR, default 1)
              --compatibility LEVEL          global level until set by PUT /config (CHURNWATCH_REGISTRY_COMPATIBILITY,
                                             default BACKWARD; NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD,
                                             FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE)
              --help                         this text

            Run one registry per topic: it allocates schema ids itself (single writer).
            """;

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private RegistryCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        RegistryConfig config;
        try {
            if (wantsHelp(args)) {
                System.out.print(USAGE);
                return;
            }
            config = parse(args, System.getenv());
        } catch (UsageException | IllegalArgumentException e) {
            System.err.println("registry: " + e.getMessage());
            System.err.println("Try --help.");
            System.exit(2);
            return;
        }
        run(config, System.out, System.err);
    }

    private static void run(RegistryConfig config, PrintStream out, PrintStream err) throws InterruptedException {
        EmbeddedSchemaRegistry registry;
        try {
            registry = EmbeddedSchemaRegistry.start(config);
        } catch (RuntimeException e) {
            String causeMessage = e.getCause() == null ? null : e.getCause().getMessage();
            String cause = causeMessage == null || e.getMessage().contains(causeMessage) ? "" : " (" + causeMessage + ")";
            err.println("registry: could not start: " + e.getMessage() + cause);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            stopped.countDown();
        }, "schema-registry-shutdown"));
        out.println("Schema registry ready at " + registry.url() + " (topic " + config.topic() + " on "
                + config.bootstrapServers() + ")");
        stopped.await();
    }

    static boolean wantsHelp(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /** The configuration from the environment, overridden by the command line. */
    static RegistryConfig parse(String[] args, Map<String, String> env) {
        RegistryConfig config = RegistryConfig.fromEnvironment(env);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value;
            int eq = option.indexOf('=');
            if (option.startsWith("--") && eq > 0) {
                value = option.substring(eq + 1);
                option = option.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new UsageException(option.startsWith("--") ? "option " + option + " needs a value"
                            : "unexpected argument '" + option + "'");
                }
                value = args[++i];
            }
            config = switch (option) {
                case "--bootstrap-servers" -> config.withBootstrapServers(value);
                case "--port" -> config.withPort(number(option, value));
                case "--host" -> config.withHost(value);
                case "--topic" -> config.withTopic(value);
                case "--replication-factor" -> config.withReplicationFactor((short) number(option, value));
                case "--compatibility" -> config.withDefaultCompatibility(CompatibilityLevel.parse(value));
                default -> throw new UsageException("unknown option '" + option + "'");
            };
        }
        return config;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number, got '" + value + "'");
        }
    }
}
