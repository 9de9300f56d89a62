package io.churnwatch.serving.query;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

import io.churnwatch.serving.streams.NodeUnavailableException;
import io.churnwatch.serving.streams.StreamsNode;
import jakarta.inject.Singleton;

/** Finds the instance that hosts the active copy of a key (string keys, default partitioner). */
@Singleton
public class KeyLocator {

    private final StreamsNode node;

    public KeyLocator(StreamsNode node) {
        this.node = node;
    }

    public KeyLocation locate(String store, String key) {
        KafkaStreams streams = node.running();
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)
                || metadata.activeHost().equals(HostInfo.unavailable())) {
            throw new NodeUnavailableException("no instance hosts the partition of key '" + key + "' in " + store
                    + " right now");
        }
        if (metadata.activeHost().equals(node.self())) {
            return new KeyLocation.Local(metadata.partition());
        }
        return new KeyLocation.Remote(metadata.activeHost(), metadata.partition());
    }
}
