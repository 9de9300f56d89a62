package io.churnwatch.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything that decides how the embedded broker runs, with documented defaults.
 *
 * @param dataDir          where the broker keeps its logs, identity and settings; survives restarts
 * @param host             the address both listeners bind to and advertise; loopback so nothing outside the
 *                         machine can reach the broker
 * @param clientPort       port for producers, consumers and admin clients
 * @param controllerPort   port of the KRaft controller listener; fixed once the data dir is formatted
 * @param nodeId           KRaft node id; fixed once the data dir is formatted
 * @param heap             maximum heap of the broker JVM, in java's {@code -Xmx} syntax (e.g. {@code 512m})
 * @param startupTimeout   how long {@code start()} waits for the broker to answer before giving up
 * @param stopTimeout      how long {@code stop()} waits for a graceful shutdown before killing the JVM
 * @param extraProperties  broker settings added to, or overriding, the generated server.properties
 */
public record BrokerSettings(
        Path dataDir,
        String host,
        int clientPort,
        int controllerPort,
        int nodeId,
        String heap,
        Duration startupTimeout,
        Duration stopTimeout,
        Map<String, String> extraProperties) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_CLIENT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_NODE_ID = 1;
    public static final String DEFAULT_HEAP = "512m";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** The runtime data root, relative to the working directory; the broker lives in its {@code kafka} folder. */
    public static final Path DEFAULT_DATA_ROOT = Path.of("data", "runtime");

    /** Root folder for all runtime data; the broker uses {@code $CHURNWATCH_DATA_DIR/kafka}. */
    public static final String ENV_DATA_DIR = "CHURNWATCH_DATA_DIR";
    public static final String ENV_KAFKA_PORT = "CHURNWATCH_KAFKA_PORT";
    public static final String ENV_CONTROLLER_PORT = "CHURNWATCH_KAFKA_CONTROLLER_PORT";
    public static final String ENV_KAFKA_HEAP = "CHURNWATCH_KAFKA_HEAP";

    private static final Pattern HEAP_SIZE = Pattern.compile("\\d+[kKmMgG]?");

    public BrokerSettings {
        if (dataDir == null) {
            throw new IllegalArgumentException("the broker needs a data dir");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        checkPort("client port", clientPort);
        checkPort("controller port", controllerPort);
        if (clientPort == controllerPort) {
            throw new IllegalArgumentException("client and controller ports must differ, both are " + clientPort);
        }
        if (nodeId < 0) {
            throw new IllegalArgumentException("node id must be 0 or more, got " + nodeId);
        }
        if (heap == null || !HEAP_SIZE.matcher(heap).matches()) {
            throw new IllegalArgumentException("heap must look like 512m or 1g, got '" + heap + "'");
        }
        extraProperties = Map.copyOf(extraProperties);
    }

    /** Defaults for the given data dir. */
    public static BrokerSettings defaults(Path dataDir) {
        return new BrokerSettings(dataDir, DEFAULT_HOST, DEFAULT_CLIENT_PORT, DEFAULT_CONTROLLER_PORT,
                DEFAULT_NODE_ID, DEFAULT_HEAP, DEFAULT_STARTUP_TIMEOUT, DEFAULT_STOP_TIMEOUT, Map.of());
    }

    /**
     * Defaults overridden by the environment: {@value #ENV_DATA_DIR} (data root; the broker uses its
     * {@code kafka} folder), {@value #ENV_KAFKA_PORT}, {@value #ENV_CONTROLLER_PORT}, {@value #ENV_KAFKA_HEAP}.
     */
    public static BrokerSettings fromEnvironment(Map<String, String> env) {
        Path root = env.containsKey(ENV_DATA_DIR) ? Path.of(env.get(ENV_DATA_DIR)) : DEFAULT_DATA_ROOT;
        BrokerSettings settings = defaults(root.resolve("kafka"));
        if (env.containsKey(ENV_KAFKA_PORT)) {
            settings = settings.withClientPort(parsePort(ENV_KAFKA_PORT, env.get(ENV_KAFKA_PORT)));
        }
        if (env.containsKey(ENV_CONTROLLER_PORT)) {
            settings = settings.withControllerPort(parsePort(ENV_CONTROLLER_PORT, env.get(ENV_CONTROLLER_PORT)));
        }
        if (env.containsKey(ENV_KAFKA_HEAP)) {
            settings = settings.withHeap(env.get(ENV_KAFKA_HEAP));
        }
        return settings;
    }

    public String bootstrapServers() {
        return host + ":" + clientPort;
    }

    public BrokerSettings withDataDir(Path value) {
        return new BrokerSettings(value, host, clientPort, controllerPort, nodeId, heap, startupTimeout,
                stopTimeout, extraProperties);
    }

    public BrokerSettings withClientPort(int value) {
        return new BrokerSettings(dataDir, host, value, controllerPort, nodeId, heap, startupTimeout,
                stopTimeout, extraProperties);
    }

    public BrokerSettings withControllerPort(int value) {
        return new BrokerSettings(dataDir, host, clientPort, value, nodeId, heap, startupTimeout,
                stopTimeout, extraProperties);
    }

    public BrokerSettings withHeap(String value) {
        return new BrokerSettings(dataDir, host, clientPort, controllerPort, nodeId, value, startupTimeout,
                stopTimeout, extraProperties);
    }

    public BrokerSettings withStartupTimeout(Duration value) {
        return new BrokerSettings(dataDir, host, clientPort, controllerPort, nodeId, heap, value,
                stopTimeout, extraProperties);
    }

    public BrokerSettings withExtraProperties(Map<String, String> value) {
        return new BrokerSettings(dataDir, host, clientPort, controllerPort, nodeId, heap, startupTimeout,
                stopTimeout, value);
    }

    static int parsePort(String what, String text) {
        try {
            int port = Integer.parseInt(text.trim());
            checkPort(what, port);
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a port number, got '" + text + "'");
        }
    }

    private static void checkPort(String what, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be between 1 and 65535, got " + port);
        }
    }
}
