package io.churnwatch.trainer.segments;

import java.util.Arrays;
import java.util.List;

/**
 * Per-feature centring and scaling to unit variance, so no feature dominates k-means distances by its unit.
 * A feature with no spread is given a scale of 1 (it then contributes nothing to distances).
 */
public record Standardizer(double[] mean, double[] std) {

    private static final double MIN_STD = 1e-12;

    public Standardizer {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std differ in length: " + mean.length + " vs " + std.length);
        }
        for (double s : std) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("standard deviations must be finite and > 0: "
                        + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Population mean and standard deviation of each column. */
    public static Standardizer fit(List<double[]> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cannot standardise no rows");
        }
        int dimensions = rows.get(0).length;
        double[] mean = new double[dimensions];
        for (double[] row : rows) {
            for (int j = 0; j < dimensions; j++) {
                mean[j] += row[j] / rows.size();
            }
        }
        double[] std = new double[dimensions];
        for (double[] row : rows) {
            for (int j = 0; j < dimensions; j++) {
                double d = row[j] - mean[j];
                std[j] += d * d / rows.size();
            }
        }
        for (int j = 0; j < dimensions; j++) {
            std[j] = Math.sqrt(std[j]);
            if (std[j] < MIN_STD) {
                std[j] = 1;
            }
        }
        return new Standardizer(mean, std);
    }

    public int dimensions() {
        return mean.length;
    }

    public double[] scale(double[] raw) {
        requireDimensions(raw);
        double[] scaled = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            scaled[j] = (raw[j] - mean[j]) / std[j];
        }
        return scaled;
    }

    public double[] unscale(double[] scaled) {
        requireDimensions(scaled);
        double[] raw = new double[scaled.length];
        for (int j = 0; j < scaled.length; j++) {
            raw[j] = scaled[j] * std[j] + mean[j];
        }
        return raw;
    }

    private void requireDimensions(double[] vector) {
        if (vector.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " features, got " + vector.length);
        }
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Standardizer that && Arrays.equals(mean, that.mean) && Arrays.equals(std, that.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Standardizer[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
