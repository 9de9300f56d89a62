package io.churnwatch.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Node;

/**
 * Waits until a starting broker serves clients: its port accepts connections, it is registered and unfenced in
 * the cluster metadata with a controller elected, and it answers a metadata request.
 */
final class BrokerReadiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final BrokerSettings settings;
    private final Process process;
    private final BrokerLog log;

    BrokerReadiness(BrokerSettings settings, Process process, BrokerLog log) {
        this.settings = settings;
        this.process = process;
        this.log = log;
    }

    void await() {
        Instant deadline = Instant.now().plus(settings.startupTimeout());
        // Connecting an admin client before the port is open only fills the console with connection warnings.
        while (!acceptsConnections()) {
            pauseOrFail(deadline);
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis(),
                AdminClientConfig.CLIENT_ID_CONFIG, "churnwatch-broker-readiness"))) {
            while (!answersMetadata(admin)) {
                pauseOrFail(deadline);
            }
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.host(), settings.clientPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean answersMetadata(Admin admin) {
        try {
            DescribeClusterResult cluster = admin.describeCluster();
            boolean registered = cluster.nodes().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .map(Node::id)
                    .anyMatch(id -> id == settings.nodeId());
            Node controller = cluster.controller().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!registered || controller == null || controller.isEmpty()) {
                return false;
            }
            admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false; // not ready yet; the deadline decides when to give up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private void pauseOrFail(Instant deadline) {
        if (!process.isAlive()) {
            throw new BrokerStartException(deathMessage());
        }
        if (Instant.now().isAfter(deadline)) {
            throw new BrokerStartException("Kafka broker on " + settings.bootstrapServers() + " was not ready after "
                    + settings.startupTimeout().toSeconds() + " s" + log.firstError().map(e -> "; first error: " + e)
                    .orElse("") + "; see " + log.file());
        }
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private String deathMessage() {
        String base = "Kafka broker exited with code " + process.exitValue() + " before it was ready";
        if (log.contains("Address already in use")) {
            return base + ": port " + settings.clientPort() + " or " + settings.controllerPort() + " on "
                    + settings.host() + " is already in use; stop whatever listens there or choose other ports"
                    + "; see " + log.file();
        }
        return base + log.firstError().map(e -> ": " + e).orElse("") + "; see " + log.file();
    }
}
