package io.churnwatch.trainer.release;

import io.churnwatch.schemas.ModelRelease;
import java.util.Optional;

/**
 * What the {@code models} topic says before a training run.
 *
 * @param current       the promoted release (key {@code current}), if any
 * @param latestVersion the highest version of any release on the topic, promoted or not (0 when none): a new
 *                      candidate takes the next one, so a rejected candidate's number is never reused
 */
public record ReleaseHistory(Optional<ModelRelease> current, long latestVersion) {

    public static ReleaseHistory none() {
        return new ReleaseHistory(Optional.empty(), 0);
    }

    /** A history known only by its current release. */
    public static ReleaseHistory of(Optional<ModelRelease> current) {
        return new ReleaseHistory(current, current.map(ModelRelease::getVersion).orElse(0L));
    }

    public long nextVersion() {
        return Math.max(latestVersion, current.map(ModelRelease::getVersion).orElse(0L)) + 1;
    }
}
