package io.churnwatch.trainer.churn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every hyperparameter of the churn model, in one place, with the reason for each default.
 *
 * @param maxRounds           upper bound on boosting rounds (default 1000); early stopping normally ends far sooner
 * @param earlyStoppingRounds stop when validation log-loss has not improved for this many rounds (default 50)
 * @param minImprovement      a round counts as an improvement only if it lowers the best validation log-loss by at
 *                            least this much (default 1e-4): late rounds shave off millionths, and boosting on
 *                            for them costs minutes on a million rows and buys nothing measurable
 * @param eta                 learning rate (default 0.05): small steps, many rounds, steadier on a few thousand
 *                            customers per cutoff
 * @param maxDepth            tree depth (default 4): churn signals are mostly monotone in recency and frequency,
 *                            deep interactions overfit the few cutoffs there are
 * @param minChildWeight      minimum hessian per leaf (default 5): no leaf for a handful of customers
 * @param subsample           share of rows per tree (default 0.8)
 * @param colsampleByTree     share of features per tree (default 0.8): the RFM windows are strongly correlated
 * @param lambda              L2 penalty on leaf weights (default 1)
 * @param scalePosWeight      weight of churned rows relative to retained ones (default 1 = none): churn rates in
 *                            retail are 30-60 %, not rare events, and reweighting would distort the probabilities
 *                            that the alert threshold (p x value) and value at risk use as probabilities
 * @param maxBin              histogram bins per feature (default 256)
 * @param threads             XGBoost threads (default 2: the machines here have two cores)
 * @param seed                seed of row and column sampling, so a retrain on the same data is reproducible
 */
public record ChurnModelSettings(int maxRounds, int earlyStoppingRounds, double minImprovement, double eta, int maxDepth,
                                 double minChildWeight, double subsample, double colsampleByTree, double lambda,
                                 double scalePosWeight, int maxBin, int threads, long seed) {

    public ChurnModelSettings {
        if (maxRounds < 1 || earlyStoppingRounds < 1 || !(minImprovement >= 0)) {
            throw new IllegalArgumentException("maxRounds and earlyStoppingRounds must be at least 1, "
                    + "minImprovement at least 0");
        }
        if (!(eta > 0 && eta <= 1) || maxDepth < 1 || !(subsample > 0 && subsample <= 1)
                || !(colsampleByTree > 0 && colsampleByTree <= 1) || !(scalePosWeight > 0) || threads < 1) {
            throw new IllegalArgumentException("invalid churn model settings: " + boosterParameters());
        }
    }

    public static ChurnModelSettings defaults() {
        return new ChurnModelSettings(1000, 50, 1e-4, 0.05, 4, 5, 0.8, 0.8, 1.0, 1.0, 256, 2, 42L);
    }

    public ChurnModelSettings withThreads(int newThreads) {
        return new ChurnModelSettings(maxRounds, earlyStoppingRounds, minImprovement, eta, maxDepth, minChildWeight,
                subsample, colsampleByTree, lambda, scalePosWeight, maxBin, newThreads, seed);
    }

    public ChurnModelSettings withRounds(int newMaxRounds, int newEarlyStoppingRounds) {
        return new ChurnModelSettings(newMaxRounds, newEarlyStoppingRounds, minImprovement, eta, maxDepth,
                minChildWeight, subsample, colsampleByTree, lambda, scalePosWeight, maxBin, threads, seed);
    }

    /** XGBoost's parameter map (binary logistic objective, histogram trees, AUC as the watched metric). */
    public Map<String, Object> boosterParameters() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", "binary:logistic");
        params.put("eval_metric", "auc");
        params.put("tree_method", "hist");
        params.put("eta", eta);
        params.put("max_depth", maxDepth);
        params.put("min_child_weight", minChildWeight);
        params.put("subsample", subsample);
        params.put("colsample_bytree", colsampleByTree);
        params.put("lambda", lambda);
        params.put("scale_pos_weight", scalePosWeight);
        params.put("max_bin", maxBin);
        params.put("nthread", threads);
        params.put("seed", seed);
        params.put("verbosity", 0);
        return params;
    }

    /** The settings as the report shows them. */
    public Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>(boosterParameters());
        described.put("max_rounds", maxRounds);
        described.put("early_stopping_rounds", earlyStoppingRounds);
        described.put("early_stopping_min_improvement", minImprovement);
        return described;
    }
}
