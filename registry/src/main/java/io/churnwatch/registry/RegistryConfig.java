package io.churnwatch.registry;

import io.churnwatch.schemas.Topics;
import java.time.Duration;
import java.util.Map;

/**
 * Every setting of the embedded registry, with its default and the environment variable that overrides it.
 *
 * <table>
 *   <tr><th>setting</th><th>environment variable</th><th>default</th></tr>
 *   <tr><td>bootstrapServers</td><td>CHURNWATCH_BOOTSTRAP_SERVERS</td><td>localhost:9092</td></tr>
 *   <tr><td>host (bind address)</td><td>CHURNWATCH_REGISTRY_HOST</td><td>127.0.0.1 (this machine only)</td></tr>
 *   <tr><td>port</td><td>CHURNWATCH_REGISTRY_PORT</td><td>8081 (0 = any free port)</td></tr>
 *   <tr><td>topic</td><td>CHURNWATCH_REGISTRY_TOPIC</td><td>_schemas</td></tr>
 *   <tr><td>replicationFactor</td><td>CHURNWATCH_REGISTRY_REPLICATION_FACTOR</td><td>1</td></tr>
 *   <tr><td>defaultCompatibility</td><td>CHURNWATCH_REGISTRY_COMPATIBILITY</td><td>BACKWARD</td></tr>
 *   <tr><td>storeTimeout</td><td>CHURNWATCH_REGISTRY_STORE_TIMEOUT_MS</td><td>60000</td></tr>
 *   <tr><td>httpThreads</td><td>CHURNWATCH_REGISTRY_HTTP_THREADS</td><td>4</td></tr>
 * </table>
 *
 * @param replicationFactor    used only when the registry creates its topic
 * @param defaultCompatibility the global level until one is set through {@code PUT /config}
 * @param storeTimeout         how long start-up (reading the topic) and each write may take
 */
public record RegistryConfig(String bootstrapServers, String host, int port, String topic, short replicationFactor,
                             CompatibilityLevel defaultCompatibility, Duration storeTimeout, int httpThreads) {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;

    public RegistryConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers must be set, e.g. localhost:9092");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
        }
        if (httpThreads < 1) {
            throw new IllegalArgumentException("HTTP threads must be at least 1, got " + httpThreads);
        }
    }

    public static RegistryConfig defaults() {
        return new RegistryConfig(DEFAULT_BOOTSTRAP_SERVERS, DEFAULT_HOST, DEFAULT_PORT, Topics.SCHEMAS, (short) 1,
                CompatibilityLevel.BACKWARD, Duration.ofSeconds(60), 4);
    }

    /** The defaults, overridden by whichever of the variables above are set in {@code env}. */
    public static RegistryConfig fromEnvironment(Map<String, String> env) {
        RegistryConfig d = defaults();
        return new RegistryConfig(
                env.getOrDefault("CHURNWATCH_BOOTSTRAP_SERVERS", d.bootstrapServers()),
                env.getOrDefault("CHURNWATCH_REGISTRY_HOST", d.host()),
                intVar(env, "CHURNWATCH_REGISTRY_PORT", d.port()),
                env.getOrDefault("CHURNWATCH_REGISTRY_TOPIC", d.topic()),
                (short) intVar(env, "CHURNWATCH_REGISTRY_REPLICATION_FACTOR", d.replicationFactor()),
                env.containsKey("CHURNWATCH_REGISTRY_COMPATIBILITY")
                        ? CompatibilityLevel.parse(env.get("CHURNWATCH_REGISTRY_COMPATIBILITY"))
                        : d.defaultCompatibility(),
                Duration.ofMillis(intVar(env, "CHURNWATCH_REGISTRY_STORE_TIMEOUT_MS", (int) d.storeTimeout().toMillis())),
                intVar(env, "CHURNWATCH_REGISTRY_HTTP_THREADS", d.httpThreads()));
    }

    public RegistryConfig withBootstrapServers(String servers) {
        return new RegistryConfig(servers, host, port, topic, replicationFactor, defaultCompatibility, storeTimeout,
                httpThreads);
    }

    public RegistryConfig withHost(String newHost) {
        return new RegistryConfig(bootstrapServers, newHost, port, topic, replicationFactor, defaultCompatibility,
                storeTimeout, httpThreads);
    }

    public RegistryConfig withPort(int newPort) {
        return new RegistryConfig(bootstrapServers, host, newPort, topic, replicationFactor, defaultCompatibility,
                storeTimeout, httpThreads);
    }

    public RegistryConfig withTopic(String newTopic) {
        return new RegistryConfig(bootstrapServers, host, port, newTopic, replicationFactor, defaultCompatibility,
                storeTimeout, httpThreads);
    }

    public RegistryConfig withReplicationFactor(short factor) {
        return new RegistryConfig(bootstrapServers, host, port, topic, factor, defaultCompatibility, storeTimeout,
                httpThreads);
    }

    public RegistryConfig withDefaultCompatibility(CompatibilityLevel level) {
        return new RegistryConfig(bootstrapServers, host, port, topic, replicationFactor, level, storeTimeout,
                httpThreads);
    }

    static int intVar(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'");
        }
    }
}
