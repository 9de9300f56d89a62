package io.churnwatch.serving.holdout;

import java.util.Optional;
import java.util.OptionalDouble;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.churnwatch.scoring.ScoringSettings;
import io.churnwatch.scoring.ScoringTopology;
import io.churnwatch.scoring.settings.OperatorSettings;
import io.churnwatch.scoring.treatment.HoldoutShare;
import io.churnwatch.serving.query.LocalStores;
import jakarta.inject.Singleton;

/**
 * The holdout share the scorer applies to the next alert, read as it reads it: the operator's value in the global
 * settings store (the same on every instance) when valid, else the configured {@code CHURNWATCH_HOLDOUT_SHARE}.
 */
@Singleton
public class HoldoutShareInForce {

    private final LocalStores stores;
    private final double configured;

    public HoldoutShareInForce(LocalStores stores, ScoringSettings settings) {
        this.stores = stores;
        this.configured = settings.holdoutShare();
    }

    /** What this instance applies, where it comes from, and the configured fallback. */
    public record View(double share, String source, double configured) {
    }

    public View get() {
        Optional<ReadOnlyKeyValueStore<String, String>> store =
                stores.keyValueStore(ScoringTopology.OPERATOR_SETTINGS_STORE);
        String text = store.map(settings -> LocalStores.read(ScoringTopology.OPERATOR_SETTINGS_STORE,
                () -> settings.get(OperatorSettings.HOLDOUT_SHARE))).orElse(null);
        OptionalDouble operator = text == null ? OptionalDouble.empty() : HoldoutShare.parse(text);
        return operator.isPresent() ? new View(operator.getAsDouble(), "operator", configured)
                : new View(configured, "configured", configured);
    }
}
