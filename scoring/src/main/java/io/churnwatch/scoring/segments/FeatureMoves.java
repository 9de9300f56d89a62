package io.churnwatch.scoring.segments;

import io.churnwatch.schemas.FeatureMove;
import io.churnwatch.trainer.segments.SegmentFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * The segmentation inputs that changed between two scorings, in the units a CRM user knows (days, orders, money
 * in major units, a share), rather than the scaled log space the centroids live in.
 */
final class FeatureMoves {

    static final List<String> NAMES = List.of("recency_days", "orders", "net_revenue", "return_rate");

    private FeatureMoves() {
    }

    /** Every input when {@code before} is null (a first segment); otherwise those that changed. */
    static List<FeatureMove> between(SegmentFeatures before, SegmentFeatures after) {
        double[] to = values(after);
        double[] from = before == null ? null : values(before);
        List<FeatureMove> moves = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            if (from == null || Math.abs(to[i] - from[i]) > 1e-9) {
                moves.add(FeatureMove.newBuilder().setFeature(NAMES.get(i))
                        .setBefore(from == null ? null : from[i]).setAfter(to[i]).build());
            }
        }
        return moves;
    }

    private static double[] values(SegmentFeatures inputs) {
        return new double[] {inputs.recencyDays(), inputs.frequency(), inputs.monetary(), inputs.returnRate()};
    }
}
