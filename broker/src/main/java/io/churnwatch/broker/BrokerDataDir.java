package io.churnwatch.broker;

import java.nio.file.Path;

/**
 * The files the embedded broker keeps under its data dir:
 * <pre>
 * server.properties   generated on every start from {@link BrokerSettings}
 * identity.properties cluster id, node id and controller port chosen when the storage was formatted
 * kraft/              Kafka's log dir: topic partitions and the KRaft metadata log
 * broker.log          the broker JVM's output (broker.log.1 is the previous run's)
 * broker.pid          process id of the running broker JVM
 * </pre>
 */
record BrokerDataDir(Path root) {

    Path serverProperties() {
        return root.resolve("server.properties");
    }

    Path identityFile() {
        return root.resolve("identity.properties");
    }

    Path kafkaLogDir() {
        return root.resolve("kraft");
    }

    /** Written by Kafka's storage format; its presence means the storage is ready to use. */
    Path metaProperties() {
        return kafkaLogDir().resolve("meta.properties");
    }

    /** Kafka holds an OS lock on this file while a broker uses the log dir. */
    Path kafkaLockFile() {
        return kafkaLogDir().resolve(".lock");
    }

    Path logFile() {
        return root.resolve("broker.log");
    }

    Path previousLogFile() {
        return root.resolve("broker.log.1");
    }

    Path pidFile() {
        return root.resolve("broker.pid");
    }
}
