package io.churnwatch.scoring.trees;

/**
 * One regression tree of an XGBoost model, in XGBoost's own node numbering, with numerical splits only.
 *
 * <p>The walk is XGBoost's ({@code predict_fn.h}), in float: a missing value (NaN) follows the node's default
 * direction, otherwise {@code value < split} goes left. XGBoost finds the right child as left + 1, so a tree where
 * that does not hold is refused rather than walked differently. A node's mean value is the cover-weighted mean of
 * its leaves, the expectation TreeSHAP starts from, computed as XGBoost's {@code FillNodeMeanValues} does, in float.
 */
final class Tree {

    private static final int NO_CHILD = -1;

    final int[] left;
    final int[] right;
    final int[] feature;
    /** Split threshold of an internal node; a leaf's value for a leaf (XGBoost stores both in one field). */
    final float[] split;
    final boolean[] defaultLeft;
    /** Sum of hessians of the training rows that reached the node ({@code sum_hessian}, "cover"). */
    final float[] cover;
    final float[] meanValue;
    /** A node's cover over its parent's (1 at the root): the share of the parent's rows that went its way. */
    final double[] coverShare;
    /** Edges from the root to the deepest leaf (XGBoost's {@code MaxDepth}). */
    final int maxDepth;

    Tree(int[] left, int[] right, int[] feature, float[] split, boolean[] defaultLeft, float[] cover,
         int featureCount) {
        int nodes = left.length;
        if (nodes == 0 || right.length != nodes || feature.length != nodes || split.length != nodes
                || defaultLeft.length != nodes || cover.length != nodes) {
            throw new UnsupportedModelException("node arrays of different lengths or an empty tree");
        }
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.split = split;
        this.defaultLeft = defaultLeft;
        this.cover = cover;
        this.meanValue = new float[nodes];
        this.coverShare = new double[nodes];
        boolean[] reachable = new boolean[nodes];
        this.maxDepth = check(0, reachable, featureCount);
        fillMeanValue(0);
        coverShare[0] = 1;
        for (int node = 0; node < nodes; node++) {
            if (reachable[node] && !isLeaf(node)) {
                coverShare[left[node]] = (double) cover[left[node]] / cover[node];
                coverShare[right[node]] = (double) cover[right[node]] / cover[node];
            }
        }
    }

    boolean isLeaf(int node) {
        return left[node] == NO_CHILD;
    }

    float leafValue(int node) {
        return split[node];
    }

    /** The child a row's value leads to from an internal node. */
    int next(int node, float value) {
        if (Float.isNaN(value)) {
            return defaultLeft[node] ? left[node] : right[node];
        }
        return value < split[node] ? left[node] : right[node];
    }

    /** The leaf a row (NaN = missing) ends in. */
    int leaf(float[] row) {
        int node = 0;
        while (!isLeaf(node)) {
            node = next(node, row[feature[node]]);
        }
        return node;
    }

    /** Checks the nodes reachable from {@code node}, marks them, and returns the depth below it. */
    private int check(int node, boolean[] reachable, int featureCount) {
        if (node < 0 || node >= left.length || reachable[node]) {
            throw new UnsupportedModelException("node " + node + " is out of range or reached twice");
        }
        reachable[node] = true;
        if (isLeaf(node)) {
            return 0;
        }
        if (right[node] != left[node] + 1) {
            throw new UnsupportedModelException("node " + node + " has children " + left[node] + " and "
                    + right[node] + "; XGBoost assumes the right child follows the left one");
        }
        if (feature[node] < 0 || feature[node] >= featureCount) {
            throw new UnsupportedModelException("node " + node + " splits on feature " + feature[node]
                    + " of a model with " + featureCount + " features");
        }
        return 1 + Math.max(check(left[node], reachable, featureCount),
                check(right[node], reachable, featureCount));
    }

    private float fillMeanValue(int node) {
        float result;
        if (isLeaf(node)) {
            result = leafValue(node);
        } else {
            result = fillMeanValue(left[node]) * cover[left[node]];
            result += fillMeanValue(right[node]) * cover[right[node]];
            result /= cover[node];
        }
        meanValue[node] = result;
        return result;
    }
}
