package io.churnwatch.trainer.segments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps segment names stable across retrains. k-means numbers its clusters arbitrarily, and a fresh application
 * of the naming rule could swap two close segments' names; downstream tools (e-mail campaigns keyed on
 * "At-Risk") must not see a rename just because the model was retrained. So each new centroid inherits the name
 * of the previous release's centroid it is matched to, with the matching that minimises the total distance
 * (Hungarian algorithm). Distances are measured in the new standardised space: the previous centroids are
 * un-standardised with the previous scale and re-standardised with the new one.
 */
final class SegmentNameCarrier {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentNameCarrier.class);

    private SegmentNameCarrier() {
    }

    /**
     * @param centroids    the new centroids, standardised with {@code scale}
     * @param featureNames the new model's feature names
     * @param previous     the previous release's model, or null for a first training
     * @return a unique name for each new centroid
     */
    static List<String> names(double[][] centroids, Standardizer scale, List<String> featureNames,
                              SegmentModel previous) {
        List<String> ruleNames = SegmentNamer.names(centroids);
        if (previous == null) {
            return ruleNames;
        }
        if (!previous.featureNames().equals(featureNames)) {
            LOG.warn("previous segment model uses features {}, this one {}: names are assigned afresh",
                    previous.featureNames(), featureNames);
            return ruleNames;
        }
        double[][] previousCentroids = new double[previous.segments().size()][];
        for (int j = 0; j < previousCentroids.length; j++) {
            double[] raw = previous.scale().unscale(previous.segments().get(j).centroid());
            previousCentroids[j] = scale.scale(raw);
        }
        double[][] cost = new double[centroids.length][previousCentroids.length];
        for (int i = 0; i < centroids.length; i++) {
            for (int j = 0; j < previousCentroids.length; j++) {
                cost[i][j] = Math.sqrt(Vectors.squaredDistance(centroids[i], previousCentroids[j]));
            }
        }
        int[] match = OptimalAssignment.minimumCost(cost);

        String[] names = new String[centroids.length];
        Set<String> carried = new HashSet<>();
        for (int i = 0; i < centroids.length; i++) {
            if (match[i] >= 0) {
                names[i] = previous.segments().get(match[i]).name();
                carried.add(names[i]);
            }
        }
        // More segments than last time: the extra ones are described by their centroids.
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < centroids.length; i++) {
            if (names[i] == null) {
                fresh.add(SegmentNamer.describe(centroids[i]));
            }
        }
        List<String> uniqueFresh = SegmentNamer.deduplicate(fresh, carried);
        for (int i = 0, f = 0; i < centroids.length; i++) {
            if (names[i] == null) {
                names[i] = uniqueFresh.get(f++);
            }
        }
        return List.of(names);
    }
}
