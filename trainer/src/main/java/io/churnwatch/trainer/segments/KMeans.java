package io.churnwatch.trainer.segments;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Lloyd's k-means with k-means++ seeding (Arthur &amp; Vassilvitskii 2007), restarted several times from
 * independent seeds; the clustering with the lowest inertia is kept. Deterministic for a given seed.
 */
final class KMeans {

    private KMeans() {
    }

    static Clustering fit(double[][] points, SegmentTrainingSettings settings) {
        int k = settings.k();
        if (points.length < k) {
            throw new IllegalArgumentException("k-means with k = " + k + " needs at least k points, got "
                    + points.length);
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        Clustering best = null;
        for (int restart = 0; restart < settings.restarts(); restart++) {
            Clustering candidate = lloyd(points, seedCentroids(points, k, random.split()), settings.maxIterations());
            if (best == null || candidate.inertia() < best.inertia()) {
                best = candidate;
            }
        }
        return best;
    }

    /** k-means++: each next centroid is a point drawn with probability proportional to its squared distance. */
    static double[][] seedCentroids(double[][] points, int k, SplittableRandom random) {
        double[][] centroids = new double[k][];
        centroids[0] = points[random.nextInt(points.length)].clone();
        double[] distance = new double[points.length];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < points.length; i++) {
                distance[i] = Math.min(distance[i], Vectors.squaredDistance(points[i], centroids[c - 1]));
                total += distance[i];
            }
            int chosen;
            if (total == 0) {
                // Fewer distinct points than clusters: any point will do, the duplicate centroid stays empty.
                chosen = random.nextInt(points.length);
            } else {
                double target = random.nextDouble() * total;
                chosen = 0;
                double cumulative = distance[0];
                while (cumulative <= target && chosen < points.length - 1) {
                    chosen++;
                    cumulative += distance[chosen];
                }
            }
            centroids[c] = points[chosen].clone();
        }
        return centroids;
    }

    static Clustering lloyd(double[][] points, double[][] centroids, int maxIterations) {
        int k = centroids.length;
        int[] assignment = new int[points.length];
        Arrays.fill(assignment, -1);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            boolean changed = false;
            for (int i = 0; i < points.length; i++) {
                int nearest = Vectors.nearest(points[i], centroids);
                // On a tie the point stays put, so duplicate points cannot oscillate between equal centroids.
                if (assignment[i] >= 0 && nearest != assignment[i] && Vectors.squaredDistance(points[i],
                        centroids[assignment[i]]) <= Vectors.squaredDistance(points[i], centroids[nearest])) {
                    nearest = assignment[i];
                }
                if (nearest != assignment[i]) {
                    assignment[i] = nearest;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            centroids = means(points, assignment, k);
            changed = refillEmptyClusters(points, assignment, centroids);
            if (changed) {
                centroids = means(points, assignment, k);
            }
        }
        return new Clustering(centroids, assignment, inertia(points, assignment, centroids));
    }

    private static double[][] means(double[][] points, int[] assignment, int k) {
        int dimensions = points[0].length;
        double[][] sums = new double[k][dimensions];
        int[] counts = new int[k];
        for (int i = 0; i < points.length; i++) {
            counts[assignment[i]]++;
            for (int j = 0; j < dimensions; j++) {
                sums[assignment[i]][j] += points[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < dimensions; j++) {
                sums[c][j] = counts[c] == 0 ? Double.NaN : sums[c][j] / counts[c];
            }
        }
        return sums;
    }

    /**
     * An empty cluster takes the point farthest from its own centroid, which lowers inertia and keeps k clusters.
     * Returns whether any assignment changed.
     */
    private static boolean refillEmptyClusters(double[][] points, int[] assignment, double[][] centroids) {
        boolean changed = false;
        int[] counts = new int[centroids.length];
        for (int cluster : assignment) {
            counts[cluster]++;
        }
        for (int c = 0; c < centroids.length; c++) {
            if (counts[c] > 0) {
                continue;
            }
            int farthest = -1;
            double farthestDistance = -1;
            for (int i = 0; i < points.length; i++) {
                if (counts[assignment[i]] < 2) {
                    continue;
                }
                double distance = Vectors.squaredDistance(points[i], centroids[assignment[i]]);
                if (distance > farthestDistance) {
                    farthestDistance = distance;
                    farthest = i;
                }
            }
            if (farthest < 0) {
                continue;
            }
            counts[assignment[farthest]]--;
            assignment[farthest] = c;
            counts[c] = 1;
            centroids[c] = points[farthest].clone();
            changed = true;
        }
        return changed;
    }

    private static double inertia(double[][] points, int[] assignment, double[][] centroids) {
        double total = 0;
        for (int i = 0; i < points.length; i++) {
            total += Vectors.squaredDistance(points[i], centroids[assignment[i]]);
        }
        return total;
    }
}
