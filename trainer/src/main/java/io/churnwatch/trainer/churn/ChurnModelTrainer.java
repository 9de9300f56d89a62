package io.churnwatch.trainer.churn;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boosts the churn model one round at a time, so that early stopping and progress are in our hands: xgboost4j's
 * own early stopping keeps every round it ran (not the best), and reports nothing per round.
 */
public final class ChurnModelTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ChurnModelTrainer.class);
    private static final String VALIDATION = "validation";

    private final ChurnModelSettings settings;

    public ChurnModelTrainer(ChurnModelSettings settings) {
        this.settings = settings;
    }

    /**
     * Boosts on {@code train} while watching {@code validation}, until its log-loss has not improved for
     * {@code earlyStoppingRounds} rounds (or {@code maxRounds} is reached). Log-loss rather than ROC-AUC decides:
     * AUC only ranks and saturates within a few rounds, while the probabilities (which the threshold and value at
     * risk use) keep improving; AUC is reported each round all the same.
     */
    public EarlyStopping findRounds(FeatureMatrix train, FeatureMatrix validation, RoundListener listener) {
        requireLabels(train);
        requireLabels(validation);
        DMatrix trainData = null;
        DMatrix validationData = null;
        Booster booster = null;
        try {
            trainData = train.toDMatrix();
            validationData = validation.toDMatrix();
            DMatrix[] watched = {validationData};
            String[] names = {VALIDATION};
            booster = XGBoost.train(trainData, settings.boosterParameters(), 1, Map.of(), null, null, null, 0);
            // Setting eval_metric again adds a metric rather than replacing the first.
            booster.setParam("eval_metric", "logloss");
            double[] auc = new double[settings.maxRounds()];
            double[] logLoss = new double[settings.maxRounds()];
            int best = 0;
            int round = 0;
            while (true) {
                if (round > 0) {
                    booster.update(trainData, round);
                }
                String evaluation = booster.evalSet(watched, names, round);
                auc[round] = metric(evaluation, "auc");
                logLoss[round] = metric(evaluation, "logloss");
                if (logLoss[round] < logLoss[best] - settings.minImprovement()) {
                    best = round;
                }
                listener.round(round + 1, settings.maxRounds(), auc[round], logLoss[round]);
                round++;
                if (round >= settings.maxRounds() || round - 1 - best >= settings.earlyStoppingRounds()) {
                    break;
                }
            }
            LOG.info("early stopping: best validation log-loss {} (AUC {}) after {} rounds ({} run)", logLoss[best],
                    auc[best], best + 1, round);
            return new EarlyStopping(best + 1, auc[best], logLoss[best], round, Arrays.copyOf(auc, round),
                    Arrays.copyOf(logLoss, round));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            ChurnModel.dispose(trainData);
            ChurnModel.dispose(validationData);
        }
    }

    /** One metric from XGBoost's evaluation line, e.g. {@code [3]\tvalidation-auc:0.81\tvalidation-logloss:0.45}. */
    static double metric(String evaluation, String name) {
        Matcher matcher = Pattern.compile(VALIDATION + "-" + name + ":(\\S+)").matcher(evaluation);
        if (!matcher.find()) {
            throw new IllegalStateException("XGBoost reported no validation " + name + ": '" + evaluation + "'");
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** Boosts exactly {@code rounds} rounds on {@code data}, with no validation: the refit for release. */
    public ChurnModel fit(FeatureMatrix data, int rounds, RoundListener listener) {
        requireLabels(data);
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        DMatrix trainData = null;
        try {
            trainData = data.toDMatrix();
            Booster booster = XGBoost.train(trainData, settings.boosterParameters(), 1, Map.of(), null, null, null, 0);
            listener.round(1, rounds, Double.NaN, Double.NaN);
            for (int round = 1; round < rounds; round++) {
                booster.update(trainData, round);
                listener.round(round + 1, rounds, Double.NaN, Double.NaN);
            }
            return new ChurnModel(booster, data.featureNames());
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            ChurnModel.dispose(trainData);
        }
    }

    private static void requireLabels(FeatureMatrix matrix) {
        if (matrix.labels() == null) {
            throw new IllegalArgumentException("training needs labelled rows");
        }
        long positives = matrix.positives();
        if (positives == 0 || positives == matrix.rows()) {
            throw new IllegalArgumentException("training needs both churned and retained rows, got " + positives
                    + " churned of " + matrix.rows());
        }
    }
}
