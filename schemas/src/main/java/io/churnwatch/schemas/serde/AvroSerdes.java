package io.churnwatch.schemas.serde;

import io.churnwatch.schemas.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;

/** Ready-made serdes for code that builds topologies, producers and consumers by hand. */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /**
     * A value serde for {@code type} against the registry at {@code registryUrl} ({@code http://host:port} or
     * {@code mock://scope}), registering schemas automatically under {@code <topic>-value}.
     */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, String registryUrl) {
        return new AvroSerde<>(type, SchemaRegistryClient.forUrl(registryUrl));
    }

    /** A value serde for {@code type} against the given registry client. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, SchemaRegistryClient client) {
        return new AvroSerde<>(type, client);
    }
}
