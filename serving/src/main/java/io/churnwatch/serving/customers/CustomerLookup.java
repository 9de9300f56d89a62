package io.churnwatch.serving.customers;

import java.time.Clock;
import java.util.Optional;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.churnwatch.serving.errors.ApiException;
import io.churnwatch.serving.query.LocalStores;
import io.churnwatch.serving.query.StoreNames;
import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.churnwatch.streams.features.CustomerState;
import io.churnwatch.streams.features.FeatureCalculator;
import jakarta.inject.Singleton;

/** One customer, answered from this instance's stores (the caller has made sure the key's partition is here). */
@Singleton
public class CustomerLookup {

    /** ReleaseProgress's key for the released watermark in the feature-progress store. */
    static final String WATERMARK_KEY = "released-watermark";

    private final LocalStores stores;
    private final FeatureClock clock;

    public CustomerLookup(LocalStores stores, StreamsAppConfig config) {
        this.stores = stores;
        this.clock = new FeatureClock(config.topology().features(), Clock.systemUTC());
    }

    public CustomerView lookup(String customerId, int partition) {
        ReadOnlyKeyValueStore<String, CustomerState> states = stores.<String, CustomerState>keyValueStore(
                StoreNames.CUSTOMER_STATE, partition).orElseThrow();
        CustomerState state = LocalStores.read(StoreNames.CUSTOMER_STATE, () -> states.get(customerId));
        if (state == null) {
            throw ApiException.notFound("unknown customer '" + customerId + "'");
        }
        Long watermark = stores.<String, Long>keyValueStore(StoreNames.FEATURE_PROGRESS, partition)
                .map(progress -> LocalStores.read(StoreNames.FEATURE_PROGRESS, () -> progress.get(WATERMARK_KEY)))
                .orElse(null);
        CustomerFeatures features = FeatureCalculator.featuresAsOf(customerId, state,
                clock.asOf(state.lastEventTime(), watermark));
        // The scores are keyed and partitioned like the state (the scorer runs in the same sub-topology), so the
        // one partition is read instead of probing every local one.
        Optional<ReadOnlyKeyValueStore<String, CustomerScore>> scores = stores.keyValueStore(StoreNames.CUSTOMER_SCORES,
                partition);
        if (scores.isEmpty()) {
            return CustomerView.of(features, null, "not scored: this deployment runs no scorer");
        }
        CustomerScore score = LocalStores.read(StoreNames.CUSTOMER_SCORES, () -> scores.get().get(customerId));
        return CustomerView.of(features, score, "not scored yet");
    }
}
