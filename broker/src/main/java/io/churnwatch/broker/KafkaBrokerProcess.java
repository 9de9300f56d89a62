package io.churnwatch.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) in its own JVM, run from the
 * Kafka jars on this JVM's classpath, with its data on disk so topics survive restarts.
 *
 * <pre>{@code
 * KafkaBrokerProcess broker = new KafkaBrokerProcess(BrokerSettings.defaults(Path.of("data/runtime/kafka")));
 * BrokerStartup startup = broker.start();   // formats the storage on first use, waits until ready
 * ... clients use broker.bootstrapServers() ...
 * broker.stop();
 * }</pre>
 *
 * The broker JVM also stops when this JVM exits, even when it is killed (see {@link ChildBrokerMain}).
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerProcess.class);

    private final BrokerSettings settings;
    private final BrokerDataDir dir;
    private final BrokerLog log;
    private Process process;

    public KafkaBrokerProcess(BrokerSettings settings) {
        this.settings = settings;
        this.dir = new BrokerDataDir(settings.dataDir());
        this.log = new BrokerLog(dir);
    }

    /** What a successful {@link #start()} did and how long it took. */
    public record BrokerStartup(Duration timeToReady, boolean formatted, long pid) {
    }

    /**
     * Starts the broker and waits until it serves clients.
     *
     * @throws BrokerStartException with the reason and the log file to read when it cannot start
     */
    public synchronized BrokerStartup start() {
        if (isAlive()) {
            throw new IllegalStateException("the broker is already running (pid " + process.pid() + ")");
        }
        long startedAt = System.nanoTime();
        createDirectories();
        StartPreflight.check(settings, dir);
        log.rotate();
        ServerProperties.write(ServerProperties.of(settings, dir), dir.serverProperties());
        boolean formatted = StorageFormatter.ensureFormatted(settings, dir, log);

        process = spawn();
        writePidFile(process.pid());
        try {
            new BrokerReadiness(settings, process, log).await();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        Duration timeToReady = Duration.ofNanos(System.nanoTime() - startedAt);
        LOG.info("Kafka broker ready on {} in {} ms (pid {}, data {}, log {})", bootstrapServers(),
                timeToReady.toMillis(), process.pid(), dir.root(), log.file());
        return new BrokerStartup(timeToReady, formatted, process.pid());
    }

    /** Stops the broker gracefully (SIGTERM), killing it if it has not exited within the stop timeout. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Process running = process;
        process = null;
        if (running.isAlive()) {
            LOG.info("Stopping Kafka broker (pid {})", running.pid());
            running.destroy();
            try {
                if (!running.waitFor(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("Kafka broker did not stop within {} s; killing it (see {})",
                            settings.stopTimeout().toSeconds(), log.file());
                    running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                running.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        StartPreflight.deletePidFile(dir);
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Completes when the broker JVM exits, for callers that run in the foreground until then. */
    public synchronized CompletableFuture<Process> onExit() {
        if (process == null) {
            throw new IllegalStateException("the broker is not running");
        }
        return process.onExit();
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public BrokerSettings settings() {
        return settings;
    }

    public Path dataDir() {
        return dir.root();
    }

    public Path logFile() {
        return log.file();
    }

    private Process spawn() {
        List<String> command = ChildJvm.command(jvmOptions(), ChildBrokerMain.class.getName(),
                List.of(dir.serverProperties().toString()));
        try {
            return new ProcessBuilder(command)
                    .directory(dir.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
                    // stdin stays a pipe: the child stops when it closes, i.e. when this JVM is gone
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new BrokerStartException("could not start the Kafka broker JVM: " + e.getMessage(), e);
        }
    }

    private List<String> jvmOptions() {
        return List.of(
                "-Xmx" + settings.heap(),
                "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                // slf4j-simple writes to stderr, which goes to broker.log; these make it readable
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.showShortLogName=true",
                // the effective configuration is in server.properties; Kafka would print it several times
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config.AbstractConfig=warn");
    }

    private void createDirectories() {
        try {
            Files.createDirectories(dir.kafkaLogDir());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the data dir " + dir.root(), e);
        }
    }

    private void writePidFile(long pid) {
        try {
            Files.writeString(dir.pidFile(), pid + "\n");
        } catch (IOException e) {
            LOG.warn("Could not write {}: {}", dir.pidFile(), e.getMessage());
        }
    }
}
