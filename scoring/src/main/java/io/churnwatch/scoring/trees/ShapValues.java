package io.churnwatch.scoring.trees;

/**
 * One row's SHAP values on the log-odds scale, laid out as XGBoost's {@code predictContrib} lays them out.
 *
 * @param contributions one per feature, then the bias (the model's expected margin) in the last column; they add
 *                      up to the margin, to float rounding
 * @param margin        the row's log-odds as XGBoost's {@code predict} computes it before the logistic
 */
public record ShapValues(float[] contributions, double margin) {

    /** The churn probability: the logistic of the margin, in double. */
    public double probability() {
        return margin >= 0 ? 1 / (1 + Math.exp(-margin)) : Math.exp(margin) / (1 + Math.exp(margin));
    }
}
