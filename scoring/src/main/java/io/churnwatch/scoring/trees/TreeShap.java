package io.churnwatch.scoring.trees;

/**
 * Exact TreeSHAP on one tree (Lundberg, Erion and Lee 2018, Algorithm 2): the polynomial-time walk that carries,
 * along the path from the root, the weights of every subset of the features split on so far (EXTEND), takes a
 * feature out again when it is split on a second time (UNWIND), and at each leaf credits each feature on the path
 * with its Shapley share of the leaf value. The branch a row does not take is weighted by its share of the node's
 * cover, which makes the values the path-dependent ("tree_path_dependent") SHAP values XGBoost computes.
 *
 * <p>The walk is XGBoost's {@code TreeShap} ({@code src/predictor/treeshap.cc}) with the same path layout, in
 * double, with two rearrangements that change no value, only rounding (the tests hold it to xgboost4j's
 * {@code predictContrib} within 1e-4; in practice the difference is float rounding):
 * <ul>
 *   <li>every division by a path-length ratio such as {@code (d - i) / (d + 1)} is a multiplication by a factor
 *   computed once ({@link PathFactors}), which keeps divisions out of the inner loops;</li>
 *   <li>a path element's "one" fraction is always 0 or 1 here (XGBoost's interaction "conditions" are not used),
 *   and for the features the row does not follow (one = 0) the unwound sum divided out and multiplied back by the
 *   zero fraction cancels, so those features share one sum per leaf instead of one each.</li>
 * </ul>
 * An instance holds scratch space for one call at a time: one per call or per thread, never shared.
 */
final class TreeShap {

    /*
     * The path of each recursion level lives in one flat block of parallel arrays, level after level, as XGBoost
     * lays out its PathElement array: a level at offset o with unique depth d uses [o, o + d], and its child starts
     * at o + d + 2 (after copying d + 2 elements, the last of which the child's EXTEND overwrites).
     */
    private final int[] pathFeature;
    private final double[] pathZero;
    private final boolean[] pathOne;
    private final double[] pathWeight;
    private final PathFactors factors;
    private float rowLeafValue;

    /** Scratch for trees of at most {@code maxDepth} edges from root to leaf. */
    TreeShap(int maxDepth, PathFactors factors) {
        int levels = maxDepth + 2;
        int size = levels * (levels + 1) / 2;
        pathFeature = new int[size];
        pathZero = new double[size];
        pathOne = new boolean[size];
        pathWeight = new double[size];
        this.factors = factors;
    }

    /**
     * Adds the tree's SHAP values for {@code row} to {@code phi} (one slot per feature, then the bias) and returns
     * the value of the leaf the row itself reaches.
     */
    float explain(Tree tree, float[] row, double[] phi) {
        phi[phi.length - 1] += tree.meanValue[0];
        recurse(tree, row, phi, 0, 0, 0, 1, true, -1, true);
        return rowLeafValue;
    }

    /**
     * The credits one leaf gives the features on its path, added to {@code phi}: the path as the walk above leaves
     * it at the leaf (each distinct feature once, with the product of its splits' cover shares as zero fraction and
     * whether the row follows all of them as one fraction), extended in order from the root element.
     * {@link SubtreeTable} precomputes these for every pattern of followed features.
     */
    void creditPath(int[] features, double[] zeroFractions, boolean[] followed, int count, float leaf,
                    double[] phi) {
        extend(0, 0, 1, true, -1);
        for (int k = 0; k < count; k++) {
            extend(0, k + 1, zeroFractions[k], followed[k], features[k]);
        }
        creditLeaf(0, count, leaf, phi);
    }

    /**
     * @param parent       offset of the parent's path
     * @param uniqueDepth  how many distinct features the path above this node holds
     * @param parentZero   share of the parent's weight that reaches this node when its feature is unknown
     * @param parentOne    whether the weight reaches it when the feature is known (the row's side)
     * @param onRowPath    whether every split above sent the row here
     */
    private void recurse(Tree tree, float[] row, double[] phi, int node, int uniqueDepth, int parent,
                         double parentZero, boolean parentOne, int parentFeature, boolean onRowPath) {
        int path = parent + uniqueDepth + 1;
        for (int i = 0; i <= uniqueDepth; i++) {
            pathFeature[path + i] = pathFeature[parent + i];
            pathZero[path + i] = pathZero[parent + i];
            pathOne[path + i] = pathOne[parent + i];
            pathWeight[path + i] = pathWeight[parent + i];
        }
        extend(path, uniqueDepth, parentZero, parentOne, parentFeature);

        if (tree.isLeaf(node)) {
            float leaf = tree.leafValue(node);
            if (onRowPath) {
                rowLeafValue = leaf;
            }
            creditLeaf(path, uniqueDepth, leaf, phi);
            return;
        }

        int splitFeature = tree.feature[node];
        int hot = tree.next(node, row[splitFeature]);
        int cold = hot == tree.left[node] ? tree.right[node] : tree.left[node];
        double incomingZero = 1;
        boolean incomingOne = true;

        // A feature split on higher up is taken out of the path and put back with both splits' fractions.
        int pathIndex = 0;
        while (pathIndex <= uniqueDepth && pathFeature[path + pathIndex] != splitFeature) {
            pathIndex++;
        }
        if (pathIndex != uniqueDepth + 1) {
            incomingZero = pathZero[path + pathIndex];
            incomingOne = pathOne[path + pathIndex];
            unwind(path, uniqueDepth, pathIndex);
            uniqueDepth -= 1;
        }

        recurse(tree, row, phi, hot, uniqueDepth + 1, path, tree.coverShare[hot] * incomingZero, incomingOne,
                splitFeature, onRowPath);
        recurse(tree, row, phi, cold, uniqueDepth + 1, path, tree.coverShare[cold] * incomingZero, false,
                splitFeature, false);
    }

    /** EXTEND: adds a feature with its zero and one fractions, updating the subset-size weights. */
    private void extend(int path, int uniqueDepth, double zeroFraction, boolean oneFraction, int feature) {
        pathFeature[path + uniqueDepth] = feature;
        pathZero[path + uniqueDepth] = zeroFraction;
        pathOne[path + uniqueDepth] = oneFraction;
        pathWeight[path + uniqueDepth] = uniqueDepth == 0 ? 1 : 0;
        double[] up = factors.up(uniqueDepth);
        double[] down = factors.down(uniqueDepth);
        for (int i = uniqueDepth - 1; i >= 0; i--) {
            if (oneFraction) {
                pathWeight[path + i + 1] += pathWeight[path + i] * up[i];
            }
            pathWeight[path + i] = zeroFraction * pathWeight[path + i] * down[i];
        }
    }

    /** UNWIND: undoes the EXTEND of the element at {@code pathIndex} and closes the gap it leaves. */
    private void unwind(int path, int uniqueDepth, int pathIndex) {
        boolean oneFraction = pathOne[path + pathIndex];
        double zeroFraction = pathZero[path + pathIndex];
        double[] overUp = factors.overUp(uniqueDepth);
        double[] down = factors.down(uniqueDepth);
        double[] overDown = factors.overDown(uniqueDepth);
        double nextOnePortion = pathWeight[path + uniqueDepth];
        for (int i = uniqueDepth - 1; i >= 0; i--) {
            if (oneFraction) {
                double tmp = pathWeight[path + i];
                pathWeight[path + i] = nextOnePortion * overUp[i];
                nextOnePortion = tmp - pathWeight[path + i] * zeroFraction * down[i];
            } else {
                pathWeight[path + i] = pathWeight[path + i] * overDown[i] / zeroFraction;
            }
        }
        for (int i = pathIndex; i < uniqueDepth; i++) {
            pathFeature[path + i] = pathFeature[path + i + 1];
            pathZero[path + i] = pathZero[path + i + 1];
            pathOne[path + i] = pathOne[path + i + 1];
        }
    }

    /**
     * Credits each feature on the path with {@code w * (one - zero) * leaf}, where w is the path's total subset
     * weight with that feature unwound (XGBoost's {@code UnwoundPathSum}). For a feature the row does not follow,
     * w is (sum of weight_i * (d + 1) / (d - i)) / zero, so w * (0 - zero) is minus that sum, the same for all.
     */
    private void creditLeaf(int path, int uniqueDepth, float leaf, double[] phi) {
        double[] overUp = factors.overUp(uniqueDepth);
        double[] down = factors.down(uniqueDepth);
        double[] overDown = factors.overDown(uniqueDepth);
        double coldCredit = 0;
        boolean coldCreditKnown = false;
        for (int element = 1; element <= uniqueDepth; element++) {
            double zeroFraction = pathZero[path + element];
            if (pathOne[path + element]) {
                double nextOnePortion = pathWeight[path + uniqueDepth];
                double total = 0;
                for (int i = uniqueDepth - 1; i >= 0; i--) {
                    double tmp = nextOnePortion * overUp[i];
                    total += tmp;
                    nextOnePortion = pathWeight[path + i] - tmp * zeroFraction * down[i];
                }
                phi[pathFeature[path + element]] += total * (1 - zeroFraction) * leaf;
            } else if (zeroFraction != 0) {
                if (!coldCreditKnown) {
                    double sum = 0;
                    for (int i = uniqueDepth - 1; i >= 0; i--) {
                        sum += pathWeight[path + i] * overDown[i];
                    }
                    coldCredit = -sum * leaf;
                    coldCreditKnown = true;
                }
                phi[pathFeature[path + element]] += coldCredit;
            }
            // One and zero both 0: no weight reaches this leaf through the feature, and so no credit.
        }
    }
}
