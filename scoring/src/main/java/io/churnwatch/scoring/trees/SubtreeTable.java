package io.churnwatch.scoring.trees;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TreeSHAP for one small tree, done ahead of time, so that explaining a row is a few table reads
 * ({@link PackedSubtreeTables} lays the tables of a whole model out for that).
 *
 * <p>What a leaf credits each feature on its path depends on the row only through which of those features the row
 * follows all the way (the "one" fractions, 0 or 1); the cover shares are the model's. This is the precomputation of
 * Fast TreeSHAP v2 (Yang 2021). One step further: the credits of all the leaves under a node then depend only on
 * the directions the row takes at the nodes above it and at the internal nodes under it. So the tree is cut into
 * subtrees ("blocks"), each rooted as near the tree's root as keeps its table within {@link #MAX_BLOCK_ENTRIES},
 * and for every combination of those directions a block's table holds its leaves' summed credits, plus the value
 * of the leaf the row ends in when that leaf is in the block (else 0). Explaining a row: compare it at each split
 * once, gather each block's direction bits into an index, add one table row; exactly one block of the tree holds
 * the row's leaf, the others add an exact 0 to it. A depth-4 tree is two blocks (the
 * root's subtrees, 256 rows each) where a table per leaf meant sixteen scattered reads per tree: in the stream,
 * between one record and the next, the tables drop out of the CPU caches, and those reads were the cost.
 *
 * <p>The credits of a leaf are computed by the same EXTEND and unwound sums as the walk ({@link TreeShap#creditPath})
 * and summed in double per block, then rounded to float once. Node numbers index the bits of a {@code long}, so
 * only trees of at most 64 nodes qualify.
 */
final class SubtreeTable {

    /** At most this many floats in one block's table (2^directions rows of its features + 1). */
    static final int MAX_BLOCK_ENTRIES = 1 << 11;
    /** At most this many floats for one tree. */
    static final int MAX_ENTRIES_PER_TREE = 1 << 15;

    final float rootMean;
    /** The internal nodes, with their split copied alongside. */
    final int[] splitNode;
    final int[] splitFeature;
    final float[] splitValue;
    final boolean[] splitDefaultLeft;
    /** Block b's index is built from the directions at nodes bitNodes[bitStart[b] .. bitStart[b + 1]). */
    final int[] bitStart;
    final int[] bitNodes;
    /** Block b credits features columns[columnStart[b] .. columnStart[b + 1]). */
    final int[] columnStart;
    final int[] columns;
    /** Block b's rows from tableStart[b], each its columns' credits and then the leaf value (or 0). */
    final int[] tableStart;
    final float[] table;

    private SubtreeTable(Tree tree, List<Block> blocks, float[] table, int[] tableStart) {
        this.rootMean = tree.meanValue[0];
        this.splitNode = internalNodes(tree);
        splitFeature = new int[splitNode.length];
        splitValue = new float[splitNode.length];
        splitDefaultLeft = new boolean[splitNode.length];
        for (int j = 0; j < splitNode.length; j++) {
            splitFeature[j] = tree.feature[splitNode[j]];
            splitValue[j] = tree.split[splitNode[j]];
            splitDefaultLeft[j] = tree.defaultLeft[splitNode[j]];
        }
        bitStart = new int[blocks.size() + 1];
        columnStart = new int[blocks.size() + 1];
        for (int b = 0; b < blocks.size(); b++) {
            bitStart[b + 1] = bitStart[b] + blocks.get(b).bitNodes.length;
            columnStart[b + 1] = columnStart[b] + blocks.get(b).columns.length;
        }
        bitNodes = new int[bitStart[blocks.size()]];
        columns = new int[columnStart[blocks.size()]];
        for (int b = 0; b < blocks.size(); b++) {
            System.arraycopy(blocks.get(b).bitNodes, 0, bitNodes, bitStart[b], blocks.get(b).bitNodes.length);
            System.arraycopy(blocks.get(b).columns, 0, columns, columnStart[b], blocks.get(b).columns.length);
        }
        this.table = table;
        this.tableStart = tableStart;
    }

    /** Number of floats a table for {@code tree} would store, or -1 when the tree does not qualify. */
    static int entries(Tree tree) {
        List<Block> blocks = blocks(tree);
        if (blocks == null) {
            return -1;
        }
        long entries = blocks.stream().mapToLong(Block::entries).sum();
        return entries <= MAX_ENTRIES_PER_TREE ? (int) entries : -1;
    }

    /** The table of a tree that qualifies ({@link #entries} not -1). */
    static SubtreeTable build(Tree tree, TreeShap shap, int featureCount) {
        List<Block> blocks = blocks(tree);
        if (blocks == null) {
            throw new IllegalArgumentException("the tree does not qualify for precomputed tables");
        }
        List<LeafCredits> leaves = new ArrayList<>();
        for (LeafPath path : leafPaths(tree)) {
            leaves.add(LeafCredits.of(path, tree, shap, featureCount));
        }
        int[] tableStart = new int[blocks.size()];
        int size = 0;
        for (int b = 0; b < blocks.size(); b++) {
            tableStart[b] = size;
            size += (int) blocks.get(b).entries();
        }
        float[] table = new float[size];
        for (int b = 0; b < blocks.size(); b++) {
            fill(tree, blocks.get(b), leaves, table, tableStart[b]);
        }
        return new SubtreeTable(tree, blocks, table, tableStart);
    }

    /** Every combination of the block's directions: the credits of the leaves under its root, and the row's leaf. */
    private static void fill(Tree tree, Block block, List<LeafCredits> leaves, float[] table, int start) {
        int width = block.columns.length;
        double[] sums = new double[width];
        List<LeafCredits> under = leaves.stream().filter(leaf -> block.holds(leaf.path)).toList();
        for (int index = 0; index < 1 << block.bitNodes.length; index++) {
            long goesLeft = 0;
            for (int bit = 0; bit < block.bitNodes.length; bit++) {
                goesLeft |= (long) (index >>> bit & 1) << block.bitNodes[bit];
            }
            Arrays.fill(sums, 0);
            float rowLeaf = 0;
            for (LeafCredits leaf : under) {
                long strayed = (goesLeft ^ leaf.path.wantLeft) & leaf.path.pathMask;
                if (strayed == 0) {
                    rowLeaf = tree.leafValue(leaf.path.node);
                }
                double[] credits = leaf.credits[leaf.pattern(strayed)];
                for (int k = 0; k < credits.length; k++) {
                    sums[block.column(leaf.path.features[k])] += credits[k];
                }
            }
            int base = start + index * (width + 1);
            for (int k = 0; k < width; k++) {
                table[base + k] = (float) sums[k];
            }
            table[base + width] = rowLeaf;
        }
    }

    /**
     * Cuts the tree into blocks, each as near the root as fits {@link #MAX_BLOCK_ENTRIES}; null when a leaf's own
     * block does not fit or the tree has more nodes than a {@code long} has bits.
     */
    private static List<Block> blocks(Tree tree) {
        if (tree.left.length > Long.SIZE) {
            return null;
        }
        List<Block> blocks = new ArrayList<>();
        return cut(tree, 0, 0L, blocks) ? blocks : null;
    }

    private static boolean cut(Tree tree, int node, long above, List<Block> blocks) {
        long nodes = above | internalBelow(tree, node);
        Block block = Block.of(tree, node, nodes);
        if (block.entries() <= MAX_BLOCK_ENTRIES) {
            blocks.add(block);
            return true;
        }
        if (tree.isLeaf(node)) {
            return false;
        }
        long childAbove = above | 1L << node;
        return cut(tree, tree.left[node], childAbove, blocks) && cut(tree, tree.right[node], childAbove, blocks);
    }

    private static long internalBelow(Tree tree, int node) {
        if (tree.isLeaf(node)) {
            return 0L;
        }
        return 1L << node | internalBelow(tree, tree.left[node]) | internalBelow(tree, tree.right[node]);
    }

    /** A subtree: its root, the nodes whose directions index its table, and the features its leaves credit. */
    private record Block(int root, int[] bitNodes, int[] columns) {

        static Block of(Tree tree, int root, long nodes) {
            int[] bitNodes = new int[Long.bitCount(nodes)];
            int[] features = new int[bitNodes.length];
            int bit = 0;
            for (long rest = nodes; rest != 0; rest &= rest - 1) {
                bitNodes[bit] = Long.numberOfTrailingZeros(rest);
                features[bit] = tree.feature[bitNodes[bit]];
                bit++;
            }
            return new Block(root, bitNodes, Arrays.stream(features).distinct().sorted().toArray());
        }

        long entries() {
            return bitNodes.length >= 31 ? Long.MAX_VALUE : (columns.length + 1L) << bitNodes.length;
        }

        boolean holds(LeafPath leaf) {
            return leaf.node == root || (leaf.pathMask & 1L << root) != 0;
        }

        int column(int feature) {
            return Arrays.binarySearch(columns, feature);
        }
    }

    /** One leaf's credits to the features on its path, for every pattern of followed features, in double. */
    private record LeafCredits(LeafPath path, double[][] credits) {

        static LeafCredits of(LeafPath path, Tree tree, TreeShap shap, int featureCount) {
            int m = path.features.length;
            double[][] credits = new double[1 << m][m];
            double[] phi = new double[featureCount + 1];
            boolean[] followed = new boolean[m];
            for (int pattern = 0; pattern < 1 << m; pattern++) {
                for (int k = 0; k < m; k++) {
                    followed[k] = (pattern & 1 << k) != 0;
                    phi[path.features[k]] = 0;
                }
                shap.creditPath(path.features, path.zeroFractions, followed, m, tree.leafValue(path.node), phi);
                for (int k = 0; k < m; k++) {
                    credits[pattern][k] = phi[path.features[k]];
                }
            }
            return new LeafCredits(path, credits);
        }

        /** Bit k set when the row followed every split on the path's k-th feature (none of them strayed). */
        int pattern(long strayed) {
            int pattern = 0;
            for (int k = 0; k < path.featureNodes.length; k++) {
                if ((strayed & path.featureNodes[k]) == 0) {
                    pattern |= 1 << k;
                }
            }
            return pattern;
        }
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
            long[] childNodes;
            double[] childZero;
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
        long internal = internalBelow(tree, 0);
        int[] nodes = new int[Long.bitCount(internal)];
        int i = 0;
        for (long rest = internal; rest != 0; rest &= rest - 1) {
            nodes[i++] = Long.numberOfTrailingZeros(rest);
        }
        return nodes;
    }
}
