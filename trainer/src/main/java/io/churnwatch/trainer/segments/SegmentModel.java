package io.churnwatch.trainer.segments;

import java.util.Arrays;
import java.util.List;

/**
 * What a release needs to place a customer in a segment: the feature names, the standardisation, and the named
 * centroids. Every field maps one to one onto the release ({@code segmentFeatureNames},
 * {@code segmentScaleMean}, {@code segmentScaleStd}, {@code segments}), and a scorer can rebuild the model from
 * those fields with the constructor.
 */
public record SegmentModel(List<String> featureNames, Standardizer scale, List<Segment> segments) {

    public SegmentModel {
        featureNames = List.copyOf(featureNames);
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a segment model needs at least one segment");
        }
        if (featureNames.size() != scale.dimensions()) {
            throw new IllegalArgumentException(featureNames.size() + " feature names but " + scale.dimensions()
                    + " scaled dimensions");
        }
        for (Segment segment : segments) {
            if (segment.centroid().length != scale.dimensions()) {
                throw new IllegalArgumentException("centroid of '" + segment.name() + "' has "
                        + segment.centroid().length + " dimensions, expected " + scale.dimensions());
            }
        }
        if (segments.stream().map(Segment::name).distinct().count() != segments.size()) {
            throw new IllegalArgumentException("segment names must be unique: " + segments.stream()
                    .map(Segment::name).toList());
        }
    }

    /** Rebuilds a model from the plain arrays of a release. */
    public static SegmentModel fromRelease(List<String> featureNames, List<Double> scaleMean, List<Double> scaleStd,
                                           List<Segment> segments) {
        return new SegmentModel(featureNames, new Standardizer(unbox(scaleMean), unbox(scaleStd)), segments);
    }

    public List<Double> scaleMeanAsList() {
        return Arrays.stream(scale.mean()).boxed().toList();
    }

    public List<Double> scaleStdAsList() {
        return Arrays.stream(scale.std()).boxed().toList();
    }

    /** The segment whose centroid is nearest to the customer's standardised features. */
    public Segment assign(SegmentFeatures features) {
        return assignTransformed(features.transformed());
    }

    /** As {@link #assign}, from features already transformed (log1p etc.) but not yet standardised. */
    public Segment assignTransformed(double[] transformed) {
        double[] scaled = scale.scale(transformed);
        double[][] centroids = centroids();
        return segments.get(Vectors.nearest(scaled, centroids));
    }

    double[][] centroids() {
        return segments.stream().map(Segment::centroid).toArray(double[][]::new);
    }

    List<String> names() {
        return segments.stream().map(Segment::name).toList();
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
