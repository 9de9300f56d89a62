package io.churnwatch.scoring.release;

import io.churnwatch.schemas.ModelRelease;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The version of the release the scorer uses, as a generation for the features stream's refresh: each time a new
 * release is installed, every customer's features are emitted again and so re-scored with it (0 without a release;
 * a release that failed to load does not count). Read once per tick on each stream thread, so it costs a volatile
 * read, not a store read.
 */
public final class ReleaseGeneration {

    private final CurrentRelease current;

    public ReleaseGeneration(CurrentRelease current) {
        this.current = current;
    }

    /** For the features processor: it sees the global models store through its own context. */
    public long of(ProcessingContext context) {
        LoadedRelease release = current.get(() -> {
            KeyValueStore<String, ModelRelease> releases = context.getStateStore(ReleaseStore.NAME);
            return releases.get(ReleaseStore.CURRENT);
        });
        return release == null ? 0 : release.version();
    }
}
