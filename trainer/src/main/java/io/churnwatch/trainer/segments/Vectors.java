package io.churnwatch.trainer.segments;

final class Vectors {

    private Vectors() {
    }

    static double squaredDistance(double[] u, double[] v) {
        double sum = 0;
        for (int j = 0; j < u.length; j++) {
            double d = u[j] - v[j];
            sum += d * d;
        }
        return sum;
    }

    /** Index of the centroid nearest to {@code point}; the lowest index wins a tie. */
    static int nearest(double[] point, double[][] centroids) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double distance = squaredDistance(point, centroids[c]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }
}
