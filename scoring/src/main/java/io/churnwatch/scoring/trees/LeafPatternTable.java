package io.churnwatch.scoring.trees;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TreeSHAP for one small tree, done ahead of time. What a leaf credits each feature on its path depends on the row
 * only through which of those features the row follows all the way (the "one" fractions, 0 or 1); the cover shares
 * are the model's. So for every leaf and every such pattern the credits are computed once, by the same EXTEND and
 * unwound sums as the walk ({@link TreeShap#creditPath}), and explaining a row is: compare the row at each split
 * once, find each leaf's pattern with a few bit operations, add the stored credits. The values are the ones the
 * walk gives, to float rounding; this is the precomputation of Fast TreeSHAP v2 (Yang 2021), kept to trees whose
 * tables stay small ({@link #entries}).
 *
 * <p>Node numbers index the bits of a {@code long}, so only trees of at most 64 nodes qualify.
 */
final class LeafPatternTable {

    /** At most this many stored credits for one tree (2^m × m per leaf with m distinct features on its path). */
    static final int MAX_ENTRIES_PER_TREE = 1 << 14;

    private final Tree tree;
    /** The internal nodes, with their split copied alongside for a tight loop. */
    private final int[] splitNode;
    private final int[] splitFeature;
    private final float[] splitValue;
    private final boolean[] splitDefaultLeft;
    private final int[] leafNode;
    /** Per leaf: the nodes on its path, and among them those where the path goes left. */
    private final long[] pathMask;
    private final long[] wantLeft;
    /** Per leaf l, entries [featureStart[l], featureStart[l + 1]): its distinct features and their split nodes. */
    private final int[] featureStart;
    private final int[] features;
    private final long[] featureNodes;
    /** Per leaf l, 2^m rows of m credits from tableStart[l], the row index being the followed-features pattern. */
    private final int[] tableStart;
    private final float[] credits;

    private LeafPatternTable(Tree tree, int[] internalNodes, List<LeafPath> leaves, float[] credits,
                             int[] tableStart) {
        this.tree = tree;
        this.splitNode = internalNodes;
        splitFeature = new int[internalNodes.length];
        splitValue = new float[internalNodes.length];
        splitDefaultLeft = new boolean[internalNodes.length];
        for (int j = 0; j < internalNodes.length; j++) {
            splitFeature[j] = tree.feature[internalNodes[j]];
            splitValue[j] = tree.split[internalNodes[j]];
            splitDefaultLeft[j] = tree.defaultLeft[internalNodes[j]];
        }
        int count = leaves.size();
        leafNode = new int[count];
        pathMask = new long[count];
        wantLeft = new long[count];
        featureStart = new int[count + 1];
        int totalFeatures = leaves.stream().mapToInt(leaf -> leaf.features.length).sum();
        features = new int[totalFeatures];
        featureNodes = new long[totalFeatures];
        for (int l = 0; l < count; l++) {
            LeafPath leaf = leaves.get(l);
            leafNode[l] = leaf.node;
            pathMask[l] = leaf.pathMask;
            wantLeft[l] = leaf.wantLeft;
            featureStart[l + 1] = featureStart[l] + leaf.features.length;
            System.arraycopy(leaf.features, 0, features, featureStart[l], leaf.features.length);
            System.arraycopy(leaf.featureNodes, 0, featureNodes, featureStart[l], leaf.features.length);
        }
        this.credits = credits;
        this.tableStart = tableStart;
    }

    /** Number of credits a table for {@code tree} would store, or -1 when the tree does not qualify. */
    static int entries(Tree tree) {
        if (tree.left.length > Long.SIZE) {
            return -1;
        }
        long entries = 0;
        for (LeafPath leaf : leafPaths(tree)) {
            int m = leaf.features.length;
            entries += (long) m << m;
            if (entries > MAX_ENTRIES_PER_TREE) {
                return -1;
            }
        }
        return (int) entries;
    }

    /** The table of a tree that qualifies ({@link #entries} not -1). */
    static LeafPatternTable build(Tree tree, TreeShap shap, int featureCount) {
        List<LeafPath> leaves = leafPaths(tree);
        int[] tableStart = new int[leaves.size()];
        int size = 0;
        for (int l = 0; l < leaves.size(); l++) {
            tableStart[l] = size;
            int m = leaves.get(l).features.length;
            size += m << m;
        }
        float[] credits = new float[size];
        double[] phi = new double[featureCount + 1];
        for (int l = 0; l < leaves.size(); l++) {
            LeafPath leaf = leaves.get(l);
            int m = leaf.features.length;
            boolean[] followed = new boolean[m];
            for (int pattern = 0; pattern < 1 << m; pattern++) {
                for (int k = 0; k < m; k++) {
                    followed[k] = (pattern & 1 << k) != 0;
                    phi[leaf.features[k]] = 0;
                }
                shap.creditPath(leaf.features, leaf.zeroFractions, followed, m, tree.leafValue(leaf.node), phi);
                for (int k = 0; k < m; k++) {
                    credits[tableStart[l] + pattern * m + k] = (float) phi[leaf.features[k]];
                }
            }
        }
        return new LeafPatternTable(tree, internalNodes(tree), leaves, credits, tableStart);
    }

    /**
     * Adds the tree's SHAP values for {@code row} to {@code phi} (one slot per feature, then the bias) and returns
     * the value of the leaf the row reaches.
     */
    float explain(float[] row, double[] phi) {
        phi[phi.length - 1] += tree.meanValue[0];
        // Branch-free on purpose: which way a row goes is a coin toss to the CPU, and mispredictions cost more than
        // the arithmetic. NaN compares false, so a missing value goes left exactly when its default is left.
        long goesLeft = 0;
        for (int j = 0; j < splitNode.length; j++) {
            float value = row[splitFeature[j]];
            boolean left = value < splitValue[j] | (value != value & splitDefaultLeft[j]);
            goesLeft |= (left ? 1L : 0L) << splitNode[j];
        }
        float rowLeaf = 0;
        for (int l = 0; l < leafNode.length; l++) {
            long strayed = (goesLeft ^ wantLeft[l]) & pathMask[l];
            if (strayed == 0) {
                rowLeaf = tree.leafValue(leafNode[l]);
            }
            int from = featureStart[l];
            int m = featureStart[l + 1] - from;
            int pattern = 0;
            for (int k = 0; k < m; k++) {
                long hit = strayed & featureNodes[from + k];
                // 1 when the row followed every split on this feature (hit == 0), else 0.
                pattern |= (int) (((hit | -hit) >>> 63) ^ 1) << k;
            }
            int base = tableStart[l] + pattern * m;
            for (int k = 0; k < m; k++) {
                phi[features[from + k]] += credits[base + k];
            }
        }
        return rowLeaf;
    }

    /** One leaf's path: its nodes and directions, and each distinct feature with its splits and cover share. */
    private record LeafPath(int node, long pathMask, long wantLeft, int[] features, long[] featureNodes,
                            double[] zeroFractions) {
    }

    private static List<LeafPath> leafPaths(Tree tree) {
        List<LeafPath> leaves = new ArrayList<>();
        collect(tree, 0, 0L, 0L, new int[0], new long[0], new double[0], leaves);
        return leaves;
    }

    /** Depth-first, carrying the path so far; a feature split on again multiplies its zero fraction. */
    private static void collect(Tree tree, int node, long pathMask, long wantLeft, int[] features,
                                long[] featureNodes, double[] zeroFractions, List<LeafPath> leaves) {
        if (tree.isLeaf(node)) {
            leaves.add(new LeafPath(node, pathMask, wantLeft, features, featureNodes, zeroFractions));
            return;
        }
        int feature = tree.feature[node];
        for (int child : new int[] {tree.left[node], tree.right[node]}) {
            int k = indexOf(features, feature);
            int[] childFeatures = features;
            long[] childNodes = featureNodes;
            double[] childZero = zeroFractions;
            if (k < 0) {
                k = features.length;
                childFeatures = Arrays.copyOf(features, k + 1);
                childNodes = Arrays.copyOf(featureNodes, k + 1);
                childZero = Arrays.copyOf(zeroFractions, k + 1);
                childFeatures[k] = feature;
                childZero[k] = 1;
            } else {
                childNodes = featureNodes.clone();
                childZero = zeroFractions.clone();
            }
            childNodes[k] |= 1L << node;
            childZero[k] *= tree.coverShare[child];
            long childWantLeft = child == tree.left[node] ? wantLeft | 1L << node : wantLeft;
            collect(tree, child, pathMask | 1L << node, childWantLeft, childFeatures, childNodes, childZero, leaves);
        }
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int[] internalNodes(Tree tree) {
        List<Integer> internal = new ArrayList<>();
        List<Integer> pending = new ArrayList<>(List.of(0));
        while (!pending.isEmpty()) {
            int node = pending.remove(pending.size() - 1);
            if (!tree.isLeaf(node)) {
                internal.add(node);
                pending.add(tree.left[node]);
                pending.add(tree.right[node]);
            }
        }
        return internal.stream().mapToInt(Integer::intValue).toArray();
    }
}
