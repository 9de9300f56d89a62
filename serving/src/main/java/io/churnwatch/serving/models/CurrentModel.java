package io.churnwatch.serving.models;

import java.util.Optional;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.churnwatch.serving.query.LocalStores;
import io.churnwatch.serving.query.StoreNames;
import io.churnwatch.schemas.ModelRelease;
import jakarta.inject.Singleton;

/**
 * The promoted release, read from the global models store that every instance holds in full, so any instance
 * answers without asking another.
 */
@Singleton
public class CurrentModel {

    /** The key of the promoted release on the models topic and in the store. */
    public static final String CURRENT_KEY = io.churnwatch.scoring.release.ReleaseStore.CURRENT;

    private final LocalStores stores;

    public CurrentModel(LocalStores stores) {
        this.stores = stores;
    }

    /** Empty when no release has been promoted yet, or when this deployment runs no scorer. */
    public Optional<ModelRelease> get() {
        Optional<ReadOnlyKeyValueStore<String, ModelRelease>> models = stores.keyValueStore(StoreNames.MODELS);
        return models.map(store -> LocalStores.read(StoreNames.MODELS, () -> store.get(CURRENT_KEY)));
    }
}
