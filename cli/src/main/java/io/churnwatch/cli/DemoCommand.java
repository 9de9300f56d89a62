package io.churnwatch.cli;

import io.churnwatch.broker.BrokerSettings;
import io.churnwatch.broker.KafkaBrokerProcess;
import io.churnwatch.producers.cli.ReplayCommand;
import io.churnwatch.producers.onlineretail.ProjectSample;
import io.churnwatch.registry.EmbeddedSchemaRegistry;
import io.churnwatch.registry.RegistryConfig;
import io.churnwatch.schemas.Topics;
import io.churnwatch.streams.ChurnwatchSerdes;
import io.churnwatch.streams.ChurnwatchTopology;
import io.churnwatch.streams.StreamsApp;
import io.churnwatch.streams.TopicProvisioner;
import io.churnwatch.streams.config.StreamsAppConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code churnwatch demo}: the whole system on one machine. Starts each part in dependency order, replays order
 * events, reports what comes out, and on Ctrl-C stops everything in reverse order.
 */
final class DemoCommand {

    private final Deque<Running> started = new ArrayDeque<>();

    /** Something the demo started and must stop, named for the user. */
    private record Running(String name, AutoCloseable stop) {
    }

    private DemoCommand() {
    }

    static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage() + "\n\n" + DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(DemoOptions.USAGE);
            return;
        }
        DemoCommand demo = new DemoCommand();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.stopAll();
            stopped.countDown();
        }, "churnwatch-demo-shutdown"));
        try {
            demo.run(options);
        } catch (Exception e) {
            System.err.println("demo: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void run(DemoOptions options) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());

        step("Starting the Kafka broker");
        KafkaBrokerProcess broker = new KafkaBrokerProcess(BrokerSettings.fromEnvironment(env));
        started.push(new Running("Kafka broker", broker));
        KafkaBrokerProcess.BrokerStartup startup = broker.start();
        done(String.format("Kafka broker ready on %s in %.1f s (%s, data: %s)", broker.bootstrapServers(),
                startup.timeToReady().toMillis() / 1000.0, startup.formatted() ? "new" : "resumed", broker.dataDir()));
        env.put("CHURNWATCH_BOOTSTRAP_SERVERS", broker.bootstrapServers());

        step("Starting the schema registry");
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                RegistryConfig.fromEnvironment(env).withBootstrapServers(broker.bootstrapServers()));
        started.push(new Running("schema registry", registry));
        done("Schema registry (Confluent API) at " + registry.url());
        env.put("CHURNWATCH_SCHEMA_REGISTRY_URL", registry.url());
        env.putIfAbsent("CHURNWATCH_STATE_DIR", dataRoot(env).resolve("streams").toString());

        step("Starting the stream");
        StreamsAppConfig config = StreamsAppConfig.from(env);
        boolean ordersAlreadyThere;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            TopicProvisioner.ensureTopics(admin, config.topicPartitions(), config.replicationFactor());
            ordersAlreadyThere = TopicEnds.total(admin, Topics.ORDERS) > 0;
        }
        KafkaStreams streams = StreamsApp.start(ChurnwatchTopology.build(config.topology(),
                ChurnwatchSerdes.forRegistryUrl(config.schemaRegistryUrl())), config);
        // Leave the group on the way out: otherwise the next start waits a session timeout for this member.
        started.push(new Running("Kafka Streams", () -> streams.close(CloseOptions
                .groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)))));
        OutputWatcher watcher = OutputWatcher.start(config.bootstrapServers(), config.schemaRegistryUrl(), System.out);
        started.push(new Running("output watcher", watcher));
        done("Kafka Streams started (state: " + config.stateDir() + ")");

        if (options.replay() || !ordersAlreadyThere) {
            Path data = options.data() != null ? options.data() : ProjectSample.onlineRetailII();
            step("Replaying " + data);
            int exit = ReplayCommand.forConsole().run(new String[] {"online-retail", data.toString(),
                    "--bootstrap-servers", config.bootstrapServers(),
                    "--schema-registry-url", config.schemaRegistryUrl()});
            if (exit != ReplayCommand.EXIT_OK) {
                throw new IllegalStateException("the replay failed (exit code " + exit + "); see above");
            }
        } else {
            done("The orders topic already holds events: resuming (use --replay to send the data again)");
        }

        System.out.println();
        System.out.println("churnwatch is running. Try:");
        System.out.println("  curl -s " + registry.url() + "/subjects");
        System.out.println("  curl -s " + registry.url() + "/subjects/orders-value/versions/latest");
        System.out.println("Press Ctrl-C to stop everything.");
        System.out.println();
    }

    private static Path dataRoot(Map<String, String> env) {
        String root = env.get(BrokerSettings.ENV_DATA_DIR);
        return root == null || root.isBlank() ? BrokerSettings.DEFAULT_DATA_ROOT : Path.of(root);
    }

    private void stopAll() {
        if (!started.isEmpty()) {
            System.out.println("\nStopping churnwatch...");
        }
        while (!started.isEmpty()) {
            Running running = started.pop();
            long startNanos = System.nanoTime();
            try {
                running.stop().close();
                done(String.format("stopped %s (%.1f s)", running.name(), (System.nanoTime() - startNanos) / 1e9));
            } catch (Exception e) {
                System.err.println("demo: while stopping the " + running.name() + ": " + e.getMessage());
            }
        }
    }

    private static void step(String what) {
        System.out.println("» " + what + "...");
    }

    private static void done(String what) {
        System.out.println("  ✓ " + what);
    }
}
