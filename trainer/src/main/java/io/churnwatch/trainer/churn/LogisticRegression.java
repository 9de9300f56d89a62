package io.churnwatch.trainer.churn;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * A plain L2-regularised logistic regression on the same features, as a contender the boosted model should beat.
 * Each feature is compressed with {@code sign(v) log(1 + |v|)} (money and counts have long tails), missing values
 * take the training mean, and columns are standardised; the fit is Newton-Raphson (IRLS), which converges in a
 * handful of iterations at this width.
 */
public final class LogisticRegression {

    private static final int MAX_ITERATIONS = 30;
    private static final double CONVERGED = 1e-7;

    private final List<String> featureNames;
    private final double[] mean;
    private final double[] std;
    private final double[] weights;

    private LogisticRegression(List<String> featureNames, double[] mean, double[] std, double[] weights) {
        this.featureNames = featureNames;
        this.mean = mean;
        this.std = std;
        this.weights = weights;
    }

    /** Fits on labelled rows with L2 penalty {@code l2} on the standardised weights (not the intercept). */
    public static LogisticRegression fit(FeatureMatrix data, double l2) {
        int n = data.rows();
        int d = data.columns();
        double[] mean = new double[d];
        double[] std = new double[d];
        long[] present = new long[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = compress(data.values()[i * d + j]);
                if (!Double.isNaN(v)) {
                    mean[j] += v;
                    present[j]++;
                }
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] = present[j] == 0 ? 0 : mean[j] / present[j];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = compress(data.values()[i * d + j]);
                double delta = (Double.isNaN(v) ? mean[j] : v) - mean[j];
                std[j] += delta * delta / n;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = std[j] > 1e-12 ? Math.sqrt(std[j]) : 1;
        }
        LogisticRegression model = new LogisticRegression(data.featureNames(), mean, std, new double[d + 1]);
        model.newton(data, l2);
        return model;
    }

    public double[] probabilities(FeatureMatrix matrix) {
        if (!matrix.featureNames().equals(featureNames)) {
            throw new IllegalArgumentException("features differ from the training features");
        }
        double[] row = new double[weights.length];
        double[] result = new double[matrix.rows()];
        for (int i = 0; i < matrix.rows(); i++) {
            standardised(matrix, i, row);
            result[i] = logistic(dot(row));
        }
        return result;
    }

    private void newton(FeatureMatrix data, double l2) {
        int width = weights.length;
        float[] labels = data.labels();
        double[] row = new double[width];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] hessian = new double[width][width];
            double[] gradient = new double[width];
            for (int i = 0; i < data.rows(); i++) {
                standardised(data, i, row);
                double p = logistic(dot(row));
                double residual = labels[i] - p;
                double w = Math.max(p * (1 - p), 1e-10);
                for (int a = 0; a < width; a++) {
                    gradient[a] += residual * row[a];
                    double wa = w * row[a];
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += wa * row[b];
                    }
                }
            }
            for (int a = 0; a < width; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
                if (a > 0) {
                    gradient[a] -= l2 * weights[a];
                    hessian[a][a] += l2;
                }
            }
            RealVector step = new LUDecomposition(new Array2DRowRealMatrix(hessian, false)).getSolver()
                    .solve(new ArrayRealVector(gradient, false));
            double largest = 0;
            for (int a = 0; a < width; a++) {
                weights[a] += step.getEntry(a);
                largest = Math.max(largest, Math.abs(step.getEntry(a)));
            }
            if (largest < CONVERGED) {
                return;
            }
        }
    }

    /** Row {@code i} as [1, standardised features...]. */
    private void standardised(FeatureMatrix matrix, int i, double[] row) {
        int d = mean.length;
        row[0] = 1;
        for (int j = 0; j < d; j++) {
            double v = compress(matrix.values()[i * d + j]);
            row[j + 1] = ((Double.isNaN(v) ? mean[j] : v) - mean[j]) / std[j];
        }
    }

    private double dot(double[] row) {
        double sum = 0;
        for (int a = 0; a < row.length; a++) {
            sum += weights[a] * row[a];
        }
        return sum;
    }

    private static double compress(float value) {
        return Float.isNaN(value) ? Double.NaN : Math.signum(value) * Math.log1p(Math.abs(value));
    }

    private static double logistic(double u) {
        return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
    }
}
