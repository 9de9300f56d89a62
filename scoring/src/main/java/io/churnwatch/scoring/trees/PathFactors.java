package io.churnwatch.scoring.trees;

/**
 * The path-length ratios TreeSHAP multiplies subset weights by, for paths of up to a given length, computed once
 * per model: a weight moves between subset sizes i and i + 1 of a path of d + 1 elements in the proportions
 * (i + 1) / (d + 1) and (d - i) / (d + 1) (Shapley weights of subsets of each size), and UNWIND divides by them.
 * Immutable; shared by every call.
 */
final class PathFactors {

    private final double[][] up;
    private final double[][] down;
    private final double[][] overUp;
    private final double[][] overDown;

    /** For unique depths 0 to {@code maxUniqueDepth}. */
    PathFactors(int maxUniqueDepth) {
        up = new double[maxUniqueDepth + 1][];
        down = new double[maxUniqueDepth + 1][];
        overUp = new double[maxUniqueDepth + 1][];
        overDown = new double[maxUniqueDepth + 1][];
        for (int d = 0; d <= maxUniqueDepth; d++) {
            up[d] = new double[d];
            down[d] = new double[d];
            overUp[d] = new double[d];
            overDown[d] = new double[d];
            for (int i = 0; i < d; i++) {
                up[d][i] = (i + 1) / (double) (d + 1);
                down[d][i] = (d - i) / (double) (d + 1);
                overUp[d][i] = (d + 1) / (double) (i + 1);
                overDown[d][i] = (d + 1) / (double) (d - i);
            }
        }
    }

    /** (i + 1) / (d + 1) for i in [0, d). */
    double[] up(int d) {
        return up[d];
    }

    /** (d - i) / (d + 1) for i in [0, d). */
    double[] down(int d) {
        return down[d];
    }

    /** (d + 1) / (i + 1) for i in [0, d). */
    double[] overUp(int d) {
        return overUp[d];
    }

    /** (d + 1) / (d - i) for i in [0, d). */
    double[] overDown(int d) {
        return overDown[d];
    }
}
