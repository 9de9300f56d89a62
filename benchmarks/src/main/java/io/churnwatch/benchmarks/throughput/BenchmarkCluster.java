package io.churnwatch.benchmarks.throughput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.broker.BrokerSettings;
import io.churnwatch.broker.KafkaBrokerProcess;
import io.churnwatch.registry.EmbeddedSchemaRegistry;
import io.churnwatch.streams.TopicProvisioner;

/**
 * A real single-node KRaft broker in its own JVM (data in a fresh directory, random loopback ports), a schema
 * registry (the embedded one over HTTP, or an in-process {@code mock://} one) and the app's topics.
 */
public final class BenchmarkCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkCluster.class);

    private final Path workDir;
    private final KafkaBrokerProcess broker;
    private final EmbeddedSchemaRegistry registry;
    private final String registryUrl;
    private final Admin admin;

    private BenchmarkCluster(Path workDir, KafkaBrokerProcess broker, EmbeddedSchemaRegistry registry,
                             String registryUrl, Admin admin) {
        this.workDir = workDir;
        this.broker = broker;
        this.registry = registry;
        this.registryUrl = registryUrl;
        this.admin = admin;
    }

    /** Starts everything under {@code workDir} and creates the app's topics with {@code partitions} each. */
    public static BenchmarkCluster start(Path workDir, boolean embeddedRegistry, int partitions, String brokerHeap) {
        BrokerSettings settings = BrokerSettings.defaults(workDir.resolve("kafka"))
                .withClientPort(freePort()).withControllerPort(freePort()).withHeap(brokerHeap);
        KafkaBrokerProcess broker = new KafkaBrokerProcess(settings);
        broker.start();
        EmbeddedSchemaRegistry registry = null;
        Admin admin = null;
        try {
            String url;
            if (embeddedRegistry) {
                registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
                url = registry.url();
            } else {
                url = "mock://benchmark-" + UUID.randomUUID();
            }
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
            TopicProvisioner.ensureTopics(admin, partitions, (short) 1);
            LOG.info("Broker on {} (log {}), registry {}", broker.bootstrapServers(), broker.logFile(), url);
            return new BenchmarkCluster(workDir, broker, registry, url, admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(admin, registry, broker);
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | RuntimeException e) {
            closeQuietly(admin, registry, broker);
            throw new IllegalStateException("could not prepare the benchmark cluster: " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registryUrl;
    }

    public Admin admin() {
        return admin;
    }

    public Path workDir() {
        return workDir;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    private static void closeQuietly(Admin admin, EmbeddedSchemaRegistry registry, KafkaBrokerProcess broker) {
        if (admin != null) {
            admin.close();
        }
        if (registry != null) {
            registry.close();
        }
        broker.stop();
    }

    @Override
    public void close() {
        closeQuietly(admin, registry, broker);
    }
}
