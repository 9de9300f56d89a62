package io.churnwatch.broker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

/**
 * What a data dir was formatted with. The cluster id must stay the same across restarts, and the node id and
 * controller port are written into the KRaft voter set, so a restart with other values could not elect itself.
 */
record BrokerIdentity(String clusterId, int nodeId, int controllerPort) {

    static BrokerIdentity newFor(BrokerSettings settings) {
        return new BrokerIdentity(Uuid.randomUuid().toString(), settings.nodeId(), settings.controllerPort());
    }

    static Optional<BrokerIdentity> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        try {
            return Optional.of(new BrokerIdentity(
                    required(props, "cluster.id", file),
                    Integer.parseInt(required(props, "node.id", file)),
                    Integer.parseInt(required(props, "controller.port", file))));
        } catch (NumberFormatException e) {
            throw new BrokerStartException(file + " is damaged (" + e.getMessage() + "); delete the data dir "
                    + file.getParent() + " to start from scratch");
        }
    }

    void write(Path file) {
        Properties props = new Properties();
        props.setProperty("cluster.id", clusterId);
        props.setProperty("node.id", String.valueOf(nodeId));
        props.setProperty("controller.port", String.valueOf(controllerPort));
        try (Writer out = Files.newBufferedWriter(file)) {
            props.store(out, "Chosen when this Kafka data dir was formatted; keep it with the data");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** Fails with an actionable message when the settings no longer match the formatted storage. */
    void checkMatches(BrokerSettings settings, Path dataDir) {
        if (nodeId != settings.nodeId()) {
            throw new BrokerStartException("data dir " + dataDir + " was formatted for node id " + nodeId
                    + ", not " + settings.nodeId() + "; use node id " + nodeId + " or another data dir");
        }
        if (controllerPort != settings.controllerPort()) {
            throw new BrokerStartException("data dir " + dataDir + " was formatted with controller port "
                    + controllerPort + ", not " + settings.controllerPort() + "; start with --controller-port "
                    + controllerPort + " or use another data dir");
        }
    }

    private static String required(Properties props, String key, Path file) {
        String value = props.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new BrokerStartException(file + " has no " + key + "; delete the data dir " + file.getParent()
                    + " to start from scratch");
        }
        return value.trim();
    }
}
