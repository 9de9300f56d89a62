package io.churnwatch.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks made before a broker JVM is spawned. They matter: a second broker started on the data dir of a
 * running one corrupts the running broker's KRaft state before it fails on the busy ports.
 */
final class StartPreflight {

    private static final Logger LOG = LoggerFactory.getLogger(StartPreflight.class);

    private StartPreflight() {
    }

    static void check(BrokerSettings settings, BrokerDataDir dir) {
        checkDataDirFree(dir);
        checkPortFree(settings.host(), settings.clientPort(), "client port (--port / "
                + BrokerSettings.ENV_KAFKA_PORT + ")");
        checkPortFree(settings.host(), settings.controllerPort(), "controller port (--controller-port / "
                + BrokerSettings.ENV_CONTROLLER_PORT + ")");
    }

    /** Kafka holds an OS lock on kraft/.lock while running; a lock left by a dead broker is released by the OS. */
    static void checkDataDirFree(BrokerDataDir dir) {
        if (Files.exists(dir.kafkaLockFile()) && isLockedByAnotherProcess(dir)) {
            String owner = readPid(dir).map(pid -> " (pid " + pid + ")").orElse("");
            throw new BrokerStartException("data dir " + dir.root() + " is in use by a running Kafka broker" + owner
                    + "; stop that broker first, or use another data dir");
        }
        Optional<Long> stalePid = readPid(dir);
        if (stalePid.isPresent()) {
            LOG.info("Removing stale {} of broker process {}, which is no longer running", dir.pidFile(),
                    stalePid.get());
            deletePidFile(dir);
        }
    }

    static void checkPortFree(String host, int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new BrokerStartException(what + " " + host + ":" + port + " is already in use (another Kafka "
                    + "broker?): " + e.getMessage() + "; stop whatever listens there or choose another port");
        }
    }

    static Optional<Long> readPid(BrokerDataDir dir) {
        try {
            return Optional.of(Long.parseLong(Files.readString(dir.pidFile()).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void deletePidFile(BrokerDataDir dir) {
        try {
            Files.deleteIfExists(dir.pidFile());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir.pidFile(), e.getMessage());
        }
    }

    private static boolean isLockedByAnotherProcess(BrokerDataDir dir) {
        try (FileChannel channel = FileChannel.open(dir.kafkaLockFile(), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new BrokerStartException("could not check the lock " + dir.kafkaLockFile() + ": " + e.getMessage(), e);
        }
    }
}
