package io.churnwatch.trainer.churn;

import java.io.IOException;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained XGBoost churn booster and the feature list its columns follow. Serialises to UBJSON ("ubj"), the
 * format a release carries in {@code churnModel}.
 */
public final class ChurnModel implements AutoCloseable {

    public static final String FORMAT = "ubj";

    private final Booster booster;
    private final List<String> featureNames;

    ChurnModel(Booster booster, List<String> featureNames) {
        this.booster = booster;
        this.featureNames = List.copyOf(featureNames);
    }

    /** Loads a booster from a release's bytes. */
    public static ChurnModel fromBytes(byte[] ubj, List<String> featureNames) {
        try {
            return new ChurnModel(XGBoost.loadModel(ubj), featureNames);
        } catch (XGBoostError | IOException e) {
            throw new IllegalArgumentException("cannot load the churn model (" + ubj.length + " bytes of "
                    + FORMAT + "): " + e.getMessage(), e);
        }
    }

    /**
     * Loads a booster from a release's bytes and makes it predict with at most {@code threads} native (OpenMP)
     * threads. A loaded booster otherwise uses every core, which for one row at a time buys only thread start-up
     * and spin-waiting: one customer's SHAP contributions took 4-18 ms that way on a busy two-core machine against
     * about 0.4 ms with one thread. Scorers of single rows want {@code threads = 1}. Also checks that the booster
     * expects as many features as {@code featureNames} lists.
     *
     * <p>Prediction on one loaded model from several threads is safe (XGBoost 1.4 and later); the thread count is
     * set here, before the model can be shared, because setting parameters is not.
     */
    public static ChurnModel fromBytes(byte[] ubj, List<String> featureNames, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        ChurnModel model = fromBytes(ubj, featureNames);
        try {
            model.booster.setParam("nthread", threads);
            long expected = model.booster.getNumFeature();
            if (expected != featureNames.size()) {
                throw new IllegalArgumentException("the churn model expects " + expected + " features but "
                        + featureNames.size() + " feature names were given");
            }
        } catch (XGBoostError | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("cannot prepare the churn model: " + e.getMessage(), e);
        }
        return model;
    }

    public byte[] toBytes() {
        try {
            return booster.toByteArray(FORMAT);
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot serialise the churn model: " + e.getMessage(), e);
        }
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public int rounds() {
        try {
            return booster.getNumBoostedRound();
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        }
    }

    /** Churn probabilities, one per row. */
    public double[] probabilities(FeatureMatrix matrix) {
        return firstColumn(predict(matrix, false));
    }

    /** Log-odds of churn, one per row: what SHAP contributions add up to. */
    public double[] margins(FeatureMatrix matrix) {
        return firstColumn(predict(matrix, true));
    }

    /**
     * SHAP contributions on the log-odds scale: one row per customer, one column per feature, plus a last column
     * with the bias (expected margin); each row sums to that customer's margin.
     */
    public float[][] contributions(FeatureMatrix matrix) {
        requireColumns(matrix);
        DMatrix data = null;
        try {
            data = matrix.toDMatrix();
            return booster.predictContrib(data, 0);
        } catch (XGBoostError e) {
            throw new IllegalStateException("SHAP contributions failed: " + e.getMessage(), e);
        } finally {
            dispose(data);
        }
    }

    private float[][] predict(FeatureMatrix matrix, boolean margin) {
        requireColumns(matrix);
        DMatrix data = null;
        try {
            data = matrix.toDMatrix();
            return booster.predict(data, margin);
        } catch (XGBoostError e) {
            throw new IllegalStateException("prediction failed: " + e.getMessage(), e);
        } finally {
            dispose(data);
        }
    }

    private void requireColumns(FeatureMatrix matrix) {
        if (!matrix.featureNames().equals(featureNames)) {
            throw new IllegalArgumentException("the matrix has features " + matrix.featureNames()
                    + " but the model was trained on " + featureNames);
        }
    }

    private static double[] firstColumn(float[][] predictions) {
        double[] column = new double[predictions.length];
        for (int i = 0; i < predictions.length; i++) {
            column[i] = predictions[i][0];
        }
        return column;
    }

    static void dispose(DMatrix matrix) {
        if (matrix != null) {
            matrix.dispose();
        }
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
