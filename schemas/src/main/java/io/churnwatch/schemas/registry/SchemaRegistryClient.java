package io.churnwatch.schemas.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API that serdes need. Implementations cache: a schema id never
 * changes meaning, so {@link #getById} is fetched once per id.
 *
 * <p>{@link #forUrl} picks the implementation from {@code schema.registry.url}: {@code mock://<scope>} is an
 * in-memory registry shared by everything in the JVM that names the same scope (for tests and
 * {@code TopologyTestDriver}); anything else is a Confluent-API registry over HTTP, one client per URL in the JVM.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} if it is already registered under {@code subject}; throws 40403-style if not. */
    int lookup(String subject, Schema schema);

    /** The schema with this global id; throws {@link SchemaRegistryException} with 40403 if unknown. */
    Schema getById(int id);

    static SchemaRegistryClient forUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("schema.registry.url is not set");
        }
        if (url.startsWith("mock://")) {
            return InMemorySchemaRegistry.scope(url.substring("mock://".length()));
        }
        return HttpSchemaRegistryClient.shared(url);
    }
}
