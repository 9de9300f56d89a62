package io.churnwatch.scoring.release;

import io.churnwatch.schemas.ModelRelease;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release the scorer uses right now, shared by the global-store processor (which announces every change of
 * {@code current} on the {@code models} topic) and the stream threads (which score with it).
 *
 * <p>A booster is loaded once per release version and swapped without a restart. The store is read at most once,
 * when nothing has been announced yet: after a restart the global store may be restored without running the
 * processor, and deserialising a multi-MiB release per record would cost more than the scoring itself.
 * A release that cannot be loaded is logged and skipped: the previous one stays in use.
 */
public final class CurrentRelease {

    private static final Logger LOG = LoggerFactory.getLogger(CurrentRelease.class);

    private final ReleaseLoader loader;
    private volatile LoadedRelease installed;
    private volatile boolean known;
    private Long failedVersion;

    public CurrentRelease(ReleaseLoader loader) {
        this.loader = loader;
    }

    /** A new value of {@code current}: null when it was deleted (the scorer then runs without a model). */
    public synchronized void announce(ModelRelease release) {
        install(release);
        known = true;
    }

    /**
     * The release to score with; null before any release exists.
     *
     * @param stored reads {@code current} from the store, used only until the first announcement
     */
    public LoadedRelease get(Supplier<ModelRelease> stored) {
        if (!known) {
            synchronized (this) {
                if (!known) {
                    install(stored.get());
                    known = true;
                }
            }
        }
        return installed;
    }

    private void install(ModelRelease release) {
        LoadedRelease previous = installed;
        if (release == null) {
            if (previous != null) {
                LOG.warn("the current release was deleted: scoring without a model until a new one is promoted");
                installed = null;
                previous.close();
            }
            return;
        }
        long version = release.getVersion();
        if (previous != null && previous.version() == version) {
            return;
        }
        if (failedVersion != null && failedVersion == version) {
            return;
        }
        LoadedRelease loaded;
        try {
            loaded = loader.load(release);
        } catch (RuntimeException e) {
            failedVersion = version;
            LOG.error("cannot use release v{} ({}); still scoring with {}", version, e.getMessage(),
                    previous == null ? "no model" : previous);
            LOG.debug("release v{} failed to load", version, e);
            return;
        }
        installed = loaded;
        LOG.info("scoring with {}{}", loaded, previous == null ? "" : " (replaces v" + previous.version() + ")");
        if (previous != null) {
            previous.close();
        }
    }
}
