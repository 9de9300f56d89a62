package io.churnwatch.streams;

import io.churnwatch.streams.config.Setting;
import io.churnwatch.streams.dedup.DedupSettings;
import io.churnwatch.streams.features.FeatureSettings;
import io.churnwatch.streams.partitioning.CustomerPartitioning;
import io.churnwatch.streams.validation.ValidationSettings;

/**
 * Everything the topology's behaviour depends on, apart from where Kafka and the registry are.
 *
 * @param partitioning how {@code orders} is partitioned, to let orders already keyed by customer skip the hop
 *     through the repartition topic
 */
public record TopologySettings(ValidationSettings validation, DedupSettings dedup, FeatureSettings features,
                               CustomerPartitioning partitioning) {

    /** The defaults, with {@code orders} at the streams app's default partition count. */
    public static TopologySettings defaults() {
        return new TopologySettings(ValidationSettings.defaults(), DedupSettings.defaults(), FeatureSettings.defaults(),
                new CustomerPartitioning(Integer.parseInt(Setting.TOPIC_PARTITIONS.defaultValue())));
    }

    public TopologySettings withFeatures(FeatureSettings newFeatures) {
        return new TopologySettings(validation, dedup, newFeatures, partitioning);
    }

    public TopologySettings withValidation(ValidationSettings newValidation) {
        return new TopologySettings(newValidation, dedup, features, partitioning);
    }

    public TopologySettings withDedup(DedupSettings newDedup) {
        return new TopologySettings(validation, newDedup, features, partitioning);
    }

    public TopologySettings withPartitioning(CustomerPartitioning newPartitioning) {
        return new TopologySettings(validation, dedup, features, newPartitioning);
    }
}
