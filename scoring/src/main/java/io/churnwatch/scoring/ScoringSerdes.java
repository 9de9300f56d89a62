package io.churnwatch.scoring;

import io.churnwatch.schemas.ChurnAlert;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.SegmentChange;
import io.churnwatch.schemas.registry.SchemaRegistryClient;
import io.churnwatch.schemas.serde.AvroSerde;

/**
 * The Avro serdes of the scorer's topics and stores, all against one registry client (Confluent wire format,
 * subjects by topic name). {@code mock://scope} registries make them usable in TopologyTestDriver tests.
 */
public record ScoringSerdes(AvroSerde<ModelRelease> releases, AvroSerde<CustomerScore> scores,
                            AvroSerde<ChurnAlert> alerts, AvroSerde<SegmentChange> segmentChanges) {

    public static ScoringSerdes using(SchemaRegistryClient registry) {
        return new ScoringSerdes(new AvroSerde<>(ModelRelease.class, registry),
                new AvroSerde<>(CustomerScore.class, registry), new AvroSerde<>(ChurnAlert.class, registry),
                new AvroSerde<>(SegmentChange.class, registry));
    }

    public static ScoringSerdes forRegistryUrl(String url) {
        return using(SchemaRegistryClient.forUrl(url));
    }
}
