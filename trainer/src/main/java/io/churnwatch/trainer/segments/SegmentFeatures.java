package io.churnwatch.trainer.segments;

import java.util.List;

/**
 * The raw inputs of segmentation for one customer, and their transformation into the clustering space.
 *
 * @param recencyDays days since the last purchase
 * @param frequency   purchase orders
 * @param monetary    revenue (any fixed currency unit; standardisation removes the unit's scale)
 * @param returnRate  share of the customer's orders that were returns, in [0, 1]
 */
public record SegmentFeatures(double recencyDays, double frequency, double monetary, double returnRate) {

    /** Names of the transformed features, in order; copied into a release's {@code segmentFeatureNames}. */
    public static final List<String> FEATURE_NAMES =
            List.of("log1p_recency_days", "log1p_frequency", "log1p_monetary", "return_rate");

    static final int RECENCY = 0;
    static final int FREQUENCY = 1;
    static final int MONETARY = 2;
    static final int RETURN_RATE = 3;
    static final int DIMENSIONS = 4;

    public SegmentFeatures {
        requireNonNegative("recencyDays", recencyDays);
        requireNonNegative("frequency", frequency);
        requireNonNegative("monetary", monetary);
        if (!(returnRate >= 0 && returnRate <= 1)) {
            throw new IllegalArgumentException("returnRate must lie in [0, 1], got " + returnRate);
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
    }

    /**
     * The unscaled clustering vector. Logs tame the long right tails of recency, frequency and spend, which
     * would otherwise let a handful of big customers own whole clusters.
     */
    public double[] transformed() {
        return new double[] {Math.log1p(recencyDays), Math.log1p(frequency), Math.log1p(monetary), returnRate};
    }
}
