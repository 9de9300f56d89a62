package io.churnwatch.trainer.segments;

/**
 * A k-means result.
 *
 * @param centroids  one row per cluster
 * @param assignment for each point, the index of its cluster
 * @param inertia    sum of squared distances from points to their centroids
 */
record Clustering(double[][] centroids, int[] assignment, double inertia) {

    long[] sizes() {
        long[] sizes = new long[centroids.length];
        for (int cluster : assignment) {
            sizes[cluster]++;
        }
        return sizes;
    }
}
