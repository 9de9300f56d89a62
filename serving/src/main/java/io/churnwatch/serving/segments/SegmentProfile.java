package io.churnwatch.serving.segments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.SegmentCentroid;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A segment of the release, described in the customers' own units: the centroid is stored standardised
 * (scaled space), so it is unscaled with the release's mean and standard deviation, and features the trainer
 * log-transformed ({@code log1p_*}) are transformed back.
 */
@Schema(name = "SegmentProfile")
public record SegmentProfile(
        String name,
        @Schema(description = "Customers in the segment when the release was trained.") long trainingSize,
        @Schema(description = "The centroid in the clustering features' units (after log1p where named so).")
        Map<String, Double> centroid,
        @Schema(description = "The centroid in natural units, e.g. recency_days.") Map<String, Double> typical) {

    private static final String LOG1P = "log1p_";

    static SegmentProfile of(ModelRelease release, SegmentCentroid segment) {
        List<String> names = release.getSegmentFeatureNames();
        Map<String, Double> centroid = new LinkedHashMap<>();
        Map<String, Double> typical = new LinkedHashMap<>();
        for (int i = 0; i < names.size() && i < segment.getCentroid().size(); i++) {
            double value = at(release.getSegmentScaleMean(), i, 0) + segment.getCentroid().get(i)
                    * at(release.getSegmentScaleStd(), i, 1);
            String name = names.get(i);
            centroid.put(name, value);
            if (name.startsWith(LOG1P)) {
                typical.put(name.substring(LOG1P.length()), Math.expm1(value));
            } else {
                typical.put(name, value);
            }
        }
        return new SegmentProfile(segment.getName(), segment.getSize(), centroid, typical);
    }

    private static double at(List<Double> values, int index, double fallback) {
        return index < values.size() ? values.get(index) : fallback;
    }
}
