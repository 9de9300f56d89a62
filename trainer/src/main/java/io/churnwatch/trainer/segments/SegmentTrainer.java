package io.churnwatch.trainer.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains segments: transform and standardise the features, run k-means, name the clusters (carrying names over
 * from the previous release when there is one), and profile each segment.
 */
public final class SegmentTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentTrainer.class);

    private final SegmentTrainingSettings settings;

    public SegmentTrainer(SegmentTrainingSettings settings) {
        this.settings = settings;
    }

    /**
     * @param customers one entry per customer
     * @param previous  the previous release's segment model, whose names are kept; null on a first training
     */
    public SegmentTraining train(List<SegmentFeatures> customers, SegmentModel previous) {
        if (customers.size() < settings.k()) {
            throw new IllegalArgumentException("cannot form " + settings.k() + " segments from " + customers.size()
                    + " customers");
        }
        List<double[]> transformed = customers.stream().map(SegmentFeatures::transformed).toList();
        Standardizer scale = Standardizer.fit(transformed);
        double[][] points = transformed.stream().map(scale::scale).toArray(double[][]::new);

        Clustering clustering = KMeans.fit(points, settings);

        List<String> featureNames = SegmentFeatures.FEATURE_NAMES;
        List<String> names = SegmentNameCarrier.names(clustering.centroids(), scale, featureNames, previous);
        long[] sizes = clustering.sizes();
        List<Segment> segments = new ArrayList<>();
        for (int c = 0; c < settings.k(); c++) {
            segments.add(new Segment(names.get(c), clustering.centroids()[c], sizes[c]));
        }
        SegmentModel model = new SegmentModel(featureNames, scale, segments);
        List<SegmentProfile> profiles = profiles(customers, clustering.assignment(), names, sizes);
        LOG.info("segments trained on {} customers (k = {}, inertia {}): {}", customers.size(), settings.k(),
                clustering.inertia(), profiles);
        return new SegmentTraining(model, profiles, clustering.inertia());
    }

    private static List<SegmentProfile> profiles(List<SegmentFeatures> customers, int[] assignment,
                                                 List<String> names, long[] sizes) {
        List<SegmentProfile> profiles = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            List<SegmentFeatures> members = new ArrayList<>();
            for (int i = 0; i < customers.size(); i++) {
                if (assignment[i] == c) {
                    members.add(customers.get(i));
                }
            }
            profiles.add(new SegmentProfile(names.get(c), sizes[c], (double) sizes[c] / customers.size(),
                    median(members, SegmentFeatures::recencyDays), median(members, SegmentFeatures::frequency),
                    median(members, SegmentFeatures::monetary), median(members, SegmentFeatures::returnRate)));
        }
        return profiles;
    }

    /** The middle value, or the mean of the two middle values; NaN for an empty segment. */
    static double median(List<SegmentFeatures> members, ToDoubleFunction<SegmentFeatures> field) {
        double[] values = members.stream().mapToDouble(field).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
