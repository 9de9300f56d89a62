package io.churnwatch.trainer.segments;

/**
 * How segments are trained.
 *
 * @param k             number of segments (default 4: the four named segments)
 * @param restarts      independent k-means++ starts; the clustering with the lowest inertia wins (default 10)
 * @param maxIterations Lloyd iterations per start before giving up on convergence (default 300)
 * @param seed          seed of every random choice, so a retrain on the same data gives the same segments
 */
public record SegmentTrainingSettings(int k, int restarts, int maxIterations, long seed) {

    public static final int DEFAULT_K = 4;
    public static final int DEFAULT_RESTARTS = 10;
    public static final int DEFAULT_MAX_ITERATIONS = 300;
    public static final long DEFAULT_SEED = 42L;

    public SegmentTrainingSettings {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
    }

    public static SegmentTrainingSettings defaults() {
        return new SegmentTrainingSettings(DEFAULT_K, DEFAULT_RESTARTS, DEFAULT_MAX_ITERATIONS, DEFAULT_SEED);
    }

    public SegmentTrainingSettings withSeed(long newSeed) {
        return new SegmentTrainingSettings(k, restarts, maxIterations, newSeed);
    }

    public SegmentTrainingSettings withK(int newK) {
        return new SegmentTrainingSettings(newK, restarts, maxIterations, seed);
    }
}
