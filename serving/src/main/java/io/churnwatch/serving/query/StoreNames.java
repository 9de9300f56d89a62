package io.churnwatch.serving.query;

import io.churnwatch.scoring.ScoringTopology;
import io.churnwatch.streams.features.CustomerFeaturesProcessor;

/**
 * The stores the API reads. The scores and models stores belong to the scorer; while the topology has no
 * scorer they are absent and answers carry features only.
 */
public final class StoreNames {

    /** customerId → CustomerState. */
    public static final String CUSTOMER_STATE = CustomerFeaturesProcessor.STATE_STORE;
    /** Per task: how far event time has been released (the "now" of its customers' features). */
    public static final String FEATURE_PROGRESS = CustomerFeaturesProcessor.PROGRESS_STORE;
    /** customerId → CustomerScore. */
    public static final String CUSTOMER_SCORES = ScoringTopology.CUSTOMER_SCORES_STORE;
    /** Global: "current" → the promoted ModelRelease, "v&lt;version&gt;" → every candidate. */
    public static final String MODELS = ScoringTopology.MODELS_STORE;

    private StoreNames() {
    }
}
