package io.churnwatch.trainer.evaluation;

/**
 * One contender's holdout figures, in the shape of a release's {@code ContenderMetrics}.
 *
 * @param contender name, e.g. {@code xgboost}, {@code recency-rule}, {@code bgnbd-no-purchase}
 * @param brier     null for contenders whose scores only rank (e.g. days since last purchase)
 */
public record ContenderMetrics(String contender, double rocAuc, double prAuc, double liftTop10, Double brier) {

    /** For a contender that outputs churn probabilities. */
    public static ContenderMetrics ofProbabilities(String contender, double[] probabilities, boolean[] churned) {
        return new ContenderMetrics(contender, RocAuc.of(probabilities, churned),
                AveragePrecision.of(probabilities, churned), Lift.topDecile(probabilities, churned),
                BrierScore.of(probabilities, churned));
    }

    /** For a contender whose scores rank customers (higher = more likely to churn) but are not probabilities. */
    public static ContenderMetrics ofScores(String contender, double[] scores, boolean[] churned) {
        return new ContenderMetrics(contender, RocAuc.of(scores, churned), AveragePrecision.of(scores, churned),
                Lift.topDecile(scores, churned), null);
    }
}
