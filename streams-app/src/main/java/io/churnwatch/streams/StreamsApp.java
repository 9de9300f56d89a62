package io.churnwatch.streams;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.streams.config.Setting;
import io.churnwatch.streams.config.StreamsAppConfig;

/**
 * Runs the churnwatch topology: reads the configuration from the environment, creates missing topics, starts
 * Kafka Streams and closes it cleanly on SIGTERM / Ctrl-C. Run with {@code --help} for every setting.
 */
public final class StreamsApp {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private StreamsApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                System.out.println(usage());
                return;
            }
            System.err.println("Unknown arguments: " + String.join(" ", args) + "\n\n" + usage());
            System.exit(2);
        }
        StreamsAppConfig config;
        try {
            config = StreamsAppConfig.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(config);
        } catch (IllegalStateException e) {
            System.err.println("Cannot start: " + e.getMessage());
            System.exit(2);
        }
    }

    static void run(StreamsAppConfig config) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            if (config.createTopics()) {
                TopicProvisioner.ensureTopics(admin, config.topicPartitions(), config.replicationFactor());
            }
            TopicProvisioner.verifyOrdersPartitions(admin, config.topicPartitions());
        }
        Topology topology = ChurnwatchTopology.build(config.topology(),
                ChurnwatchSerdes.forRegistryUrl(config.schemaRegistryUrl()));
        LOG.info("Topology:\n{}", topology.describe());
        KafkaStreams streams = start(topology, config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down");
            streams.close(CLOSE_TIMEOUT);
            stopped.countDown();
        }, "churnwatch-shutdown"));
        stopped.await();
    }

    /**
     * Starts Kafka Streams on a topology. A failing stream thread is replaced rather than killing the instance:
     * bad records never get that far (they are dead-lettered), so what remains is transient (a registry or
     * broker outage) and a retry from the last commit is the cure.
     */
    public static KafkaStreams start(Topology topology, StreamsAppConfig config) {
        KafkaStreams streams = new KafkaStreams(topology, config.toStreamsProperties());
        streams.setUncaughtExceptionHandler(exception -> {
            LOG.error("Stream thread failed; replacing it", exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((newState, oldState) -> LOG.info("Kafka Streams {} -> {}", oldState, newState));
        streams.start();
        return streams;
    }

    static String usage() {
        StringBuilder text = new StringBuilder("""
                churnwatch streams-app: validates orders, keeps per-customer state and emits features,
                inactivity re-evaluations and point-in-time snapshots.

                Usage: java -cp streams-app.jar io.churnwatch.streams.StreamsApp [--help]

                Settings (environment variable, default, meaning):
                """);
        for (Setting setting : Setting.values()) {
            text.append(String.format("  %-36s %s%n      %s%n", setting.envVar(),
                    setting.defaultValue().isEmpty() ? "(empty)" : setting.defaultValue(), setting.description()));
        }
        return text.toString();
    }
}
