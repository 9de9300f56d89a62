package io.churnwatch.scoring.release;

import io.churnwatch.trainer.churn.ChurnModel;
import java.io.IOException;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A release's XGBoost booster, set up for one row at a time on stream threads.
 *
 * <p>Why not the trainer's {@link ChurnModel}: a loaded booster predicts with as many OpenMP threads as there are
 * cores, and for a single row that only buys thread start-up and spin-waiting. On a busy two-core machine one
 * row's SHAP contributions took 4-18 ms that way against about 0.4 ms with one thread (see the scoring README), and
 * with several stream threads each would start a team of its own. {@code ChurnModel} does not expose the thread
 * count, so this class loads the same bytes with {@code nthread = 1}; the scoring tests check its probabilities
 * against {@code ChurnModel}'s to 1e-6.
 *
 * <p>Prediction on one booster from several threads is safe (XGBoost 1.4 and later; the scoring tests run it
 * concurrently); setting parameters is not, which is why the thread count is set here, before the booster is
 * shared.
 */
final class ChurnBooster implements AutoCloseable {

    private final Booster booster;
    private final int features;

    private ChurnBooster(Booster booster, int features) {
        this.booster = booster;
        this.features = features;
    }

    /** Loads a release's {@code churnModel} bytes ({@value ChurnModel#FORMAT}) for {@code features} columns. */
    static ChurnBooster load(byte[] model, int features) {
        Booster booster;
        try {
            booster = XGBoost.loadModel(model);
        } catch (XGBoostError | IOException e) {
            throw new IllegalArgumentException("cannot load the churn model (" + model.length + " bytes of "
                    + ChurnModel.FORMAT + "): " + e.getMessage(), e);
        }
        try {
            booster.setParam("nthread", 1);
            long expected = booster.getNumFeature();
            if (expected != features) {
                throw new IllegalArgumentException("the churn model expects " + expected
                        + " features but the release lists " + features);
            }
        } catch (XGBoostError | RuntimeException e) {
            booster.dispose();
            throw new IllegalArgumentException("cannot prepare the churn model: " + e.getMessage(), e);
        }
        return new ChurnBooster(booster, features);
    }

    /**
     * SHAP contributions of one row (NaN = missing) on the log-odds scale: one per feature, then the bias. They add
     * up to the row's margin.
     */
    float[] contributions(float[] row) {
        if (row.length != features) {
            throw new IllegalArgumentException(row.length + " values for a model of " + features + " features");
        }
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(row, 1, features, Float.NaN);
            return booster.predictContrib(matrix, 0)[0];
        } catch (XGBoostError e) {
            throw new IllegalStateException("SHAP contributions failed: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
