package io.churnwatch.scoring.release;

import io.churnwatch.scoring.trees.ShapValues;
import io.churnwatch.trainer.churn.ChurnModel;
import java.io.IOException;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A release's booster in xgboost4j, set up for one row at a time: every release is loaded and validated through it,
 * and it scores when the Java path cannot ({@link ChurnBooster}).
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
final class XgboostChurnBooster implements ChurnBooster {

    private final Booster booster;
    private final int features;

    private XgboostChurnBooster(Booster booster, int features) {
        this.booster = booster;
        this.features = features;
    }

    /** Loads a release's {@code churnModel} bytes ({@value ChurnModel#FORMAT}) for {@code features} columns. */
    static XgboostChurnBooster load(byte[] model, int features) {
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
        return new XgboostChurnBooster(booster, features);
    }

    /** One {@code predictContrib} call; the margin is the contributions' sum, so no second call is needed. */
    @Override
    public ShapValues explain(float[] row) {
        if (row.length != features) {
            throw new IllegalArgumentException(row.length + " values for a model of " + features + " features");
        }
        float[] contributions = contributions(row, 1)[0];
        double margin = 0;
        for (float contribution : contributions) {
            margin += contribution;
        }
        return new ShapValues(contributions, margin);
    }

    /** SHAP contributions of {@code rows} rows laid out one after another (NaN = missing). */
    float[][] contributions(float[] rows, int count) {
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(rows, count, features, Float.NaN);
            return booster.predictContrib(matrix, 0);
        } catch (XGBoostError e) {
            throw new IllegalStateException("SHAP contributions failed: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    /** Margins (log-odds) of {@code rows} rows laid out one after another (NaN = missing). */
    float[] margins(float[] rows, int count) {
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(rows, count, features, Float.NaN);
            float[][] margins = booster.predict(matrix, true);
            float[] result = new float[count];
            for (int i = 0; i < count; i++) {
                result[i] = margins[i][0];
            }
            return result;
        } catch (XGBoostError e) {
            throw new IllegalStateException("prediction failed: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    /** The model in XGBoost's JSON format, for the Java path to read. */
    byte[] json() {
        try {
            return booster.toByteArray("json");
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot export the churn model as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "xgboost4j predictContrib";
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
