package io.churnwatch.streams;

import io.churnwatch.streams.dedup.DedupSettings;
import io.churnwatch.streams.features.FeatureSettings;
import io.churnwatch.streams.validation.ValidationSettings;

/** Everything the topology's behaviour depends on, apart from where Kafka and the registry are. */
public record TopologySettings(ValidationSettings validation, DedupSettings dedup, FeatureSettings features) {

    public static TopologySettings defaults() {
        return new TopologySettings(ValidationSettings.defaults(), DedupSettings.defaults(), FeatureSettings.defaults());
    }

    public TopologySettings withFeatures(FeatureSettings newFeatures) {
        return new TopologySettings(validation, dedup, newFeatures);
    }

    public TopologySettings withValidation(ValidationSettings newValidation) {
        return new TopologySettings(newValidation, dedup, features);
    }

    public TopologySettings withDedup(DedupSettings newDedup) {
        return new TopologySettings(validation, newDedup, features);
    }
}
