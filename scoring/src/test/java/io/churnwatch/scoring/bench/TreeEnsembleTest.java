package io.churnwatch.scoring.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.scoring.fixtures.TestReleases;
import io.churnwatch.trainer.churn.FeatureMatrix;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

/** The plain-Java tree walk must give XGBoost's probabilities, to 1e-6, before its speed means anything. */
class TreeEnsembleTest {

    @Test
    void matchesXgboostOnTheTrainingRowsAndOnRowsWithMissingAndExtremeValues() throws Exception {
        Booster booster = XGBoost.loadModel(TestReleases.firstModel().toBytes());
        TreeEnsemble ensemble = TreeEnsemble.fromJson(booster.toByteArray("json"));
        assertThat(ensemble.trees()).isEqualTo(booster.getNumBoostedRound());

        FeatureMatrix training = TestReleases.data().matrix(TestReleases.ALL_FEATURES);
        int width = training.columns();
        Random random = new Random(11);
        int perturbed = 2000;
        int rows = training.rows() + perturbed;
        float[] values = new float[rows * width];
        System.arraycopy(training.values(), 0, values, 0, training.values().length);
        for (int i = training.rows(); i < rows; i++) {
            int source = random.nextInt(training.rows());
            for (int j = 0; j < width; j++) {
                float value = training.values()[source * width + j];
                double draw = random.nextDouble();
                values[i * width + j] = draw < 0.1 ? Float.NaN : draw < 0.2 ? value * 10 : draw < 0.25 ? -value : value;
            }
        }
        DMatrix matrix = new DMatrix(values, rows, width, Float.NaN);
        float[][] expected = booster.predict(matrix);
        matrix.dispose();

        double worst = 0;
        float[] row = new float[width];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(values, i * width, row, 0, width);
            worst = Math.max(worst, Math.abs(ensemble.probability(row) - expected[i][0]));
        }
        booster.dispose();
        assertThat(rows).isEqualTo(5000);
        assertThat(worst).isLessThan(1e-6);
    }
}
