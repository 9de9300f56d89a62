package io.churnwatch.registry;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The whole embedded registry in one object: the Kafka-backed store, the service rebuilt from it, and the HTTP
 * server. For the one-machine mode and for tests:
 *
 * <pre>{@code
 * try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start("localhost:9092", 0)) {
 *     String url = registry.url();   // schema.registry.url for serdes
 * }
 * }</pre>
 *
 * <p>Run exactly one per {@code _schemas} topic: ids are allocated by this process (single writer).
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private final RegistryConfig config;
    private final KafkaSchemaStore store;
    private final SchemaRegistryService service;
    private final RegistryHttpServer server;

    private EmbeddedSchemaRegistry(RegistryConfig config, KafkaSchemaStore store, SchemaRegistryService service,
                                   RegistryHttpServer server) {
        this.config = config;
        this.store = store;
        this.service = service;
        this.server = server;
    }

    /** Starts on {@code port} (0 = any free port) with every other setting at its default. */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, int port) {
        return start(RegistryConfig.defaults().withBootstrapServers(bootstrapServers).withPort(port));
    }

    /** Reads the registry topic to its end, then starts answering HTTP. */
    public static EmbeddedSchemaRegistry start(RegistryConfig config) {
        KafkaSchemaStore store = KafkaSchemaStore.open(config.bootstrapServers(), config.topic(),
                config.replicationFactor(), config.storeTimeout());
        try {
            SchemaRegistryService service = SchemaRegistryService.open(store, config.defaultCompatibility());
            RegistryHttpServer server = RegistryHttpServer.start(new RegistryApi(service), config.host(),
                    config.port(), config.httpThreads());
            return new EmbeddedSchemaRegistry(config, store, service, server);
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("Could not listen on " + config.host() + ":" + config.port()
                    + " (is the port taken?)", e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The URL clients use as {@code schema.registry.url}. */
    public String url() {
        String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** The registry's logic, for hosting the same API in another HTTP server. */
    public SchemaRegistryService service() {
        return service;
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
