package io.churnwatch.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats the KRaft storage of a new data dir with Kafka's own tool ({@code kafka-storage.sh format
 * --standalone}), once: a data dir with meta.properties is reused as it is.
 */
final class StorageFormatter {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFormatter.class);
    private static final long FORMAT_TIMEOUT_SECONDS = 120;

    private StorageFormatter() {
    }

    /**
     * Makes sure the storage is formatted and matches the settings.
     *
     * @return true when this call formatted it, false when it already was
     */
    static boolean ensureFormatted(BrokerSettings settings, BrokerDataDir dir, BrokerLog log) {
        var existing = BrokerIdentity.read(dir.identityFile());
        if (Files.exists(dir.metaProperties())) {
            existing.ifPresent(identity -> identity.checkMatches(settings, dir.root()));
            return false;
        }
        // Reuse the cluster id of a format that was interrupted before meta.properties was written.
        BrokerIdentity identity = existing.filter(id -> id.nodeId() == settings.nodeId()
                && id.controllerPort() == settings.controllerPort()).orElseGet(() -> BrokerIdentity.newFor(settings));
        identity.write(dir.identityFile());
        LOG.info("Formatting new Kafka storage in {} (cluster id {})", dir.kafkaLogDir(), identity.clusterId());
        runFormat(identity, dir, log);
        return true;
    }

    private static void runFormat(BrokerIdentity identity, BrokerDataDir dir, BrokerLog log) {
        List<String> command = ChildJvm.command(
                List.of("-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                "kafka.tools.StorageTool",
                List.of("format", "--standalone", "-t", identity.clusterId(),
                        "-c", dir.serverProperties().toString()));
        try {
            Process format = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
                    .start();
            if (!format.waitFor(FORMAT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new BrokerStartException("formatting Kafka storage took over " + FORMAT_TIMEOUT_SECONDS
                        + " s; see " + log.file());
            }
            if (format.exitValue() != 0 || !Files.exists(dir.metaProperties())) {
                throw new BrokerStartException("formatting Kafka storage in " + dir.kafkaLogDir() + " failed (exit "
                        + format.exitValue() + ")" + log.firstError().map(e -> ": " + e).orElse("")
                        + "; see " + log.file());
            }
        } catch (IOException e) {
            throw new BrokerStartException("could not run Kafka's storage tool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while formatting Kafka storage", e);
        }
    }
}
