package io.churnwatch.trainer.segments;

import java.util.List;

/**
 * The outcome of one segment training.
 *
 * @param model    what the release stores and the scorer uses
 * @param profiles one per segment, in the order of {@code model.segments()}
 * @param inertia  the k-means objective (sum of squared distances to centroids, standardised space)
 */
public record SegmentTraining(SegmentModel model, List<SegmentProfile> profiles, double inertia) {

    public SegmentTraining {
        profiles = List.copyOf(profiles);
    }
}
