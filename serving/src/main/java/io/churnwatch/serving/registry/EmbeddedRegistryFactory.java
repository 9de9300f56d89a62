package io.churnwatch.serving.registry;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.registry.EmbeddedSchemaRegistry;
import io.churnwatch.registry.RegistryConfig;
import io.churnwatch.serving.config.ConfigSource;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * One-machine mode ({@code CHURNWATCH_EMBEDDED_REGISTRY=true}): this node runs the schema registry, kept in the
 * compacted {@code _schemas} topic of the same Kafka. It listens on its own port
 * ({@code CHURNWATCH_REGISTRY_PORT}, default 8081, where Confluent clients look) and its API is also mounted on
 * this node's HTTP port under the same paths ({@link RegistryController}). Run it on one node only: the registry
 * allocates schema ids as the single writer of its topic.
 */
@Factory
@Requires(property = "churnwatch.embedded-registry", value = "true")
public class EmbeddedRegistryFactory {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRegistryFactory.class);
    private static final String[] REGISTRY_VARIABLES = {"REGISTRY_HOST", "REGISTRY_PORT", "REGISTRY_TOPIC",
            "REGISTRY_REPLICATION_FACTOR", "REGISTRY_COMPATIBILITY", "REGISTRY_STORE_TIMEOUT_MS", "REGISTRY_HTTP_THREADS"};

    @Singleton
    @Bean(preDestroy = "close")
    EmbeddedSchemaRegistry embeddedSchemaRegistry(Environment environment, StreamsAppConfig streams) {
        Map<String, String> env = ConfigSource.effectiveEnvironment(environment);
        for (String variable : REGISTRY_VARIABLES) {
            environment.getProperty(ConfigSource.propertyOf(variable), String.class)
                    .ifPresent(value -> env.put("CHURNWATCH_" + variable, value));
        }
        RegistryConfig config = RegistryConfig.fromEnvironment(env).withBootstrapServers(streams.bootstrapServers());
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(config);
        LOG.info("Embedded schema registry at {}", registry.url());
        return registry;
    }
}
