package io.churnwatch.trainer.release;

import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.SegmentCentroid;
import io.churnwatch.trainer.segments.Segment;
import io.churnwatch.trainer.segments.SegmentModel;
import java.util.List;
import java.util.Optional;

/** Converts between a release's segment fields and a {@link SegmentModel}. */
public final class ReleaseSegments {

    private ReleaseSegments() {
    }

    /** The segment model a release carries; empty when it carries none. */
    public static Optional<SegmentModel> of(ModelRelease release) {
        if (release.getSegments() == null || release.getSegments().isEmpty()) {
            return Optional.empty();
        }
        List<Segment> segments = release.getSegments().stream()
                .map(s -> new Segment(s.getName(), s.getCentroid().stream().mapToDouble(Double::doubleValue).toArray(),
                        s.getSize()))
                .toList();
        return Optional.of(SegmentModel.fromRelease(release.getSegmentFeatureNames(), release.getSegmentScaleMean(),
                release.getSegmentScaleStd(), segments));
    }

    static List<SegmentCentroid> centroids(SegmentModel model) {
        return model.segments().stream()
                .map(s -> SegmentCentroid.newBuilder().setName(s.name()).setCentroid(s.centroidAsList())
                        .setSize(s.size()).build())
                .toList();
    }
}
