package io.churnwatch.trainer.churn;

import java.util.List;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Dense feature rows (row-major, NaN = missing) and, for training, their labels (1 = churned).
 */
public record FeatureMatrix(float[] values, int rows, List<String> featureNames, float[] labels) {

    public FeatureMatrix {
        featureNames = List.copyOf(featureNames);
        if ((long) rows * featureNames.size() != values.length) {
            throw new IllegalArgumentException(values.length + " values do not make " + rows + " rows of "
                    + featureNames.size() + " features");
        }
        if (labels != null && labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
        }
    }

    public int columns() {
        return featureNames.size();
    }

    public boolean[] churned() {
        if (labels == null) {
            throw new IllegalStateException("this matrix has no labels");
        }
        boolean[] churned = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            churned[i] = labels[i] > 0.5f;
        }
        return churned;
    }

    public long positives() {
        long count = 0;
        for (boolean c : churned()) {
            count += c ? 1 : 0;
        }
        return count;
    }

    /** A native copy for XGBoost; the caller disposes it. */
    DMatrix toDMatrix() throws XGBoostError {
        DMatrix matrix = new DMatrix(values, rows, columns(), Float.NaN);
        if (labels != null) {
            matrix.setLabel(labels);
        }
        return matrix;
    }
}
