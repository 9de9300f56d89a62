package io.churnwatch.streams;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.registry.SchemaRegistryClient;
import io.churnwatch.schemas.serde.AvroDeserializer;
import io.churnwatch.schemas.serde.AvroSerde;

/**
 * The Avro serdes of the topology, all against one registry client (Confluent wire format, subjects by topic
 * name). {@code mock://scope} registries make them usable in TopologyTestDriver tests.
 */
public record ChurnwatchSerdes(SchemaRegistryClient registry, AvroSerde<OrderEvent> orders,
                               AvroSerde<CustomerFeatures> features, AvroSerde<FeatureSnapshot> snapshots) {

    public static ChurnwatchSerdes using(SchemaRegistryClient registry) {
        return new ChurnwatchSerdes(registry, new AvroSerde<>(OrderEvent.class, registry),
                new AvroSerde<>(CustomerFeatures.class, registry), new AvroSerde<>(FeatureSnapshot.class, registry));
    }

    public static ChurnwatchSerdes forRegistryUrl(String url) {
        return using(SchemaRegistryClient.forUrl(url));
    }

    /** A fresh deserializer for raw order bytes, whose failures validation turns into DLQ reasons. */
    public AvroDeserializer<OrderEvent> orderDeserializer() {
        return new AvroDeserializer<>(OrderEvent.class, registry);
    }
}
