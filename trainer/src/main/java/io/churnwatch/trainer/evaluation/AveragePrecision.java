package io.churnwatch.trainer.evaluation;

/**
 * Area under the precision-recall curve as average precision: {@code sum over thresholds of
 * (recall_k - recall_{k-1}) * precision_k}, with one threshold per distinct score, so tied customers enter
 * together (the step convention of scikit-learn's {@code average_precision_score}). A random ranking scores about
 * the churn rate; all-equal scores score exactly the churn rate.
 */
public final class AveragePrecision {

    private AveragePrecision() {
    }

    public static double of(double[] scores, boolean[] churned) {
        RankedOutcomes ranked = RankedOutcomes.of(scores, churned);
        if (ranked.positives() == 0) {
            throw new IllegalArgumentException("average precision needs at least one churned customer");
        }
        double precisionSum = 0;
        int truePositives = 0;
        for (int g = 0; g < ranked.groups(); g++) {
            int positivesHere = ranked.positivesInGroup(g);
            truePositives += positivesHere;
            double precision = (double) truePositives / ranked.groupEnd(g);
            precisionSum += positivesHere * precision;
        }
        return precisionSum / ranked.positives();
    }
}
