package io.churnwatch.scoring.trees;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A binary-logistic XGBoost tree ensemble evaluated in plain Java, one row at a time, without a native call:
 * the margin and probability as {@code predict} gives them, and exact SHAP values as {@code predictContrib} gives
 * them. Built from the booster's JSON model ({@link XgboostJsonModel#parse}).
 *
 * <p>The prediction is XGBoost's arithmetic exactly, in float: the leaf values are added in tree order onto the base
 * margin. The SHAP values are TreeSHAP's ({@link TreeShap}), precomputed per subtree for small trees
 * ({@link SubtreeTable}, within a memory budget) and walked for the others, accumulated in double over the
 * trees, the bias last receiving the base margin, and rounded to float once. Immutable and safe to share between
 * threads; each call takes its own scratch space.
 */
public final class TreeEnsemble {

    /** Precomputed credits kept for one model at most (4 bytes each): 16 MiB. */
    static final long TABLE_BUDGET = 1 << 22;

    private final float baseMargin;
    private final int features;
    private final Tree[] trees;
    private final int maxDepth;
    private final PathFactors factors;
    /** Per tree, whether its TreeSHAP is precomputed (in {@link #packed}) rather than walked. */
    private final boolean[] precomputed;
    private final PackedSubtreeTables packed;
    private final int precomputedTrees;

    TreeEnsemble(float baseMargin, int features, List<Tree> trees, long tableBudget) {
        this.baseMargin = baseMargin;
        this.features = features;
        this.trees = trees.toArray(Tree[]::new);
        this.maxDepth = trees.stream().mapToInt(tree -> tree.maxDepth).max().orElse(0);
        // A leaf's path holds at most one element per edge above it, plus the root's.
        this.factors = new PathFactors(maxDepth + 1);
        SubtreeTable[] tables = new SubtreeTable[this.trees.length];
        this.precomputed = new boolean[this.trees.length];
        TreeShap scratch = new TreeShap(maxDepth, factors);
        long used = 0;
        int count = 0;
        for (int t = 0; t < this.trees.length; t++) {
            int entries = SubtreeTable.entries(this.trees[t]);
            if (entries >= 0 && used + entries <= tableBudget) {
                tables[t] = SubtreeTable.build(this.trees[t], scratch, features);
                precomputed[t] = true;
                used += entries;
                count++;
            }
        }
        this.packed = new PackedSubtreeTables(tables);
        this.precomputedTrees = count;
    }

    /** The same model with every tree walked by TreeSHAP and none precomputed: for tests of the two paths. */
    TreeEnsemble walkingEveryTree() {
        return new TreeEnsemble(baseMargin, features, List.of(trees), 0);
    }

    /** How many trees have their TreeSHAP precomputed. */
    int precomputedTrees() {
        return precomputedTrees;
    }

    /** Parses a booster's JSON model ({@code Booster.toByteArray("json")}). */
    public static TreeEnsemble fromJson(byte[] json) {
        return XgboostJsonModel.parse(json);
    }

    /** Columns of a row. */
    public int features() {
        return features;
    }

    public int trees() {
        return trees.length;
    }

    /** Edges from root to leaf in the deepest tree. */
    public int maxDepth() {
        return maxDepth;
    }

    /** The row's log-odds (NaN = missing), bit for bit the sum XGBoost's {@code predict} forms. */
    public float margin(float[] row) {
        checkWidth(row);
        float margin = baseMargin;
        for (Tree tree : trees) {
            margin += tree.leafValue(tree.leaf(row));
        }
        return margin;
    }

    /** The churn probability as XGBoost's {@code predict} returns it (a float logistic of the margin). */
    public float probability(float[] row) {
        return 1f / (1f + (float) Math.exp(-margin(row)));
    }

    /** SHAP values and margin of one row (NaN = missing), from one pass over the trees. */
    public ShapValues explain(float[] row) {
        checkWidth(row);
        double[] phi = new double[features + 1];
        float[] leaves = new float[trees.length];
        packed.explain(row, phi, leaves);
        if (precomputedTrees < trees.length) {
            TreeShap shap = new TreeShap(maxDepth, factors);
            for (int t = 0; t < trees.length; t++) {
                if (!precomputed[t]) {
                    leaves[t] = shap.explain(trees[t], row, phi);
                }
            }
        }
        // In tree order, as XGBoost adds them, so the margin is bit for bit its own.
        float margin = baseMargin;
        for (float leaf : leaves) {
            margin += leaf;
        }
        phi[features] += baseMargin;
        float[] contributions = new float[features + 1];
        for (int column = 0; column <= features; column++) {
            contributions[column] = (float) phi[column];
        }
        return new ShapValues(contributions, margin);
    }

    /**
     * The distinct thresholds each feature is split at, ascending (empty for a feature no tree uses): values at
     * and around them are where a walk that compares differently from XGBoost would show.
     */
    public float[][] splitThresholds() {
        List<TreeSet<Float>> thresholds = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            thresholds.add(new TreeSet<>());
        }
        for (Tree tree : trees) {
            for (int node = 0; node < tree.left.length; node++) {
                if (!tree.isLeaf(node) && tree.feature[node] >= 0 && tree.feature[node] < features) {
                    thresholds.get(tree.feature[node]).add(tree.split[node]);
                }
            }
        }
        float[][] result = new float[features][];
        for (int f = 0; f < features; f++) {
            float[] values = new float[thresholds.get(f).size()];
            int i = 0;
            for (float value : thresholds.get(f)) {
                values[i++] = value;
            }
            result[f] = values;
        }
        return result;
    }

    private void checkWidth(float[] row) {
        if (row.length != features) {
            throw new IllegalArgumentException(row.length + " values for a model of " + features + " features");
        }
    }

    @Override
    public String toString() {
        return trees.length + " trees of depth <= " + maxDepth + " on " + features + " features, "
                + precomputedTrees() + " precomputed";
    }
}
