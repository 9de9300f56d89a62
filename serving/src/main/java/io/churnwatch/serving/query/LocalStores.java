package io.churnwatch.serving.query;

import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.churnwatch.serving.streams.NodeUnavailableException;
import io.churnwatch.serving.streams.StreamsNode;
import jakarta.inject.Singleton;

/**
 * Read access to this instance's own stores. A store that is part of the topology but cannot be read right now
 * (rebalancing, restoring, migrated away) is a {@link NodeUnavailableException}; one that the topology does not
 * have is an empty Optional.
 */
@Singleton
public class LocalStores {

    private final StreamsNode node;

    public LocalStores(StreamsNode node) {
        this.node = node;
    }

    /** All of the store's partitions that are active on this instance (or the global store). */
    public <K, V> Optional<ReadOnlyKeyValueStore<K, V>> keyValueStore(String name) {
        return keyValue(name, null);
    }

    /** One partition of a store, which must be active on this instance. */
    public <K, V> Optional<ReadOnlyKeyValueStore<K, V>> keyValueStore(String name, int partition) {
        return keyValue(name, partition);
    }

    private <K, V> Optional<ReadOnlyKeyValueStore<K, V>> keyValue(String name, Integer partition) {
        if (!node.stores().contains(name)) {
            return Optional.empty();
        }
        KafkaStreams streams = node.running();
        StoreQueryParameters<ReadOnlyKeyValueStore<K, V>> parameters =
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
        if (partition != null) {
            parameters = parameters.withPartition(partition);
        }
        try {
            return Optional.of(streams.store(parameters));
        } catch (InvalidStateStoreException e) {
            throw unavailable(name, e);
        }
    }

    /** Runs a read against a store handle, turning a store that vanished mid-read into a 503. */
    public static <T> T read(String store, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            throw unavailable(store, e);
        }
    }

    private static NodeUnavailableException unavailable(String store, InvalidStateStoreException e) {
        return new NodeUnavailableException("store " + store + " is not queryable on this instance right now ("
                + e.getMessage() + ")", e);
    }
}
