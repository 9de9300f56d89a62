package io.churnwatch.streams.features;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.FeatureSnapshot;

/** What the customer-state processor emits: live features, or a point-in-time snapshot at a cutoff. */
public sealed interface FeatureOutput {

    /** For {@code customer-features}, keyed by customer id. */
    record FeaturesUpdate(CustomerFeatures features) implements FeatureOutput {
    }

    /** For {@code feature-snapshots}, keyed by {@code customerId|yyyy-MM-dd}. */
    record SnapshotTaken(FeatureSnapshot snapshot) implements FeatureOutput {
    }
}
