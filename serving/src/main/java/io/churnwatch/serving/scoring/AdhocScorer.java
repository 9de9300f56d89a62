package io.churnwatch.serving.scoring;

import java.util.Optional;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.scoring.ScoringSettings;
import io.churnwatch.scoring.release.LoadedRelease;
import io.churnwatch.scoring.release.ReleaseLoader;
import io.churnwatch.scoring.release.ReleaseRetiredException;
import io.churnwatch.scoring.score.CustomerScorer;
import io.churnwatch.scoring.score.ScoredCustomer;
import io.churnwatch.serving.models.CurrentModel;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Scores feature vectors sent over HTTP with the promoted release, exactly as the stream scores customers (the
 * scoring module's scorer). The release is loaded once per version and swapped when a new one is promoted.
 */
@Singleton
public class AdhocScorer {

    private final CurrentModel current;
    private final CustomerScorer scorer;
    private final ReleaseLoader loader;
    private LoadedRelease loaded;

    public AdhocScorer(CurrentModel current, ScoringSettings settings) {
        this.current = current;
        this.scorer = new CustomerScorer(settings);
        // The same engine as the stream's scorer, so POST /score answers what the stream would.
        this.loader = new ReleaseLoader(settings.churnEngine());
    }

    /** The score, or empty while no release has been promoted. */
    public Optional<ScoredCustomer> score(CustomerFeatures features) {
        for (int attempt = 0; ; attempt++) {
            Optional<LoadedRelease> release = release();
            if (release.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(scorer.score(features, release.get(), null));
            } catch (ReleaseRetiredException e) {
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private synchronized Optional<LoadedRelease> release() {
        Optional<ModelRelease> promoted = current.get();
        if (promoted.isEmpty()) {
            return Optional.empty();
        }
        if (loaded == null || loaded.version() != promoted.get().getVersion()) {
            LoadedRelease previous = loaded;
            loaded = loader.load(promoted.get());
            if (previous != null) {
                previous.close();
            }
        }
        return Optional.of(loaded);
    }

    @PreDestroy
    synchronized void close() {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }
}
