package io.churnwatch.trainer.evaluation;

/**
 * Area under the ROC curve, computed from ranks (the Mann-Whitney U statistic): {@code (R+ - P(P+1)/2) / (P N)},
 * where {@code R+} is the sum of the positives' ascending ranks and tied scores share the average of their ranks.
 * It equals the probability that a random churner scores above a random non-churner, counting ties as one half.
 */
public final class RocAuc {

    private RocAuc() {
    }

    public static double of(double[] scores, boolean[] churned) {
        RankedOutcomes ranked = RankedOutcomes.of(scores, churned);
        ranked.requireBothClasses("ROC-AUC");
        int n = ranked.size();
        double positiveRankSum = 0;
        for (int g = 0; g < ranked.groups(); g++) {
            // Descending position k has ascending rank n - k; the group's ranks average to the midpoint.
            double averageRank = n - (ranked.groupStart(g) + ranked.groupEnd(g) - 1) / 2.0;
            positiveRankSum += averageRank * ranked.positivesInGroup(g);
        }
        double p = ranked.positives();
        double u = positiveRankSum - p * (p + 1) / 2;
        return u / (p * ranked.negatives());
    }
}
