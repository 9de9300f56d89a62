package io.churnwatch.scoring.trees;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link SubtreeTable}s of a model's trees laid out back to back: the splits of every tree in four parallel
 * arrays, the blocks' direction nodes and columns in one instruction-like stream, all credits in one array.
 *
 * <p>Why one layout and not an object per tree: in the stream, a record's other work (stores, serialization,
 * the producer) pushes the tables out of the CPU caches before the next score, and a hundred trees' worth of small
 * arrays meant a thousand scattered cache misses per row, several times the arithmetic. Read front to back, the
 * splits and the stream are fetched ahead by the hardware; what stays scattered is one table row per block.
 */
final class PackedSubtreeTables {

    /** Model index of each packed tree, in model order. */
    private final int[] trees;
    /** Splits of packed tree i: [splitEnd[i - 1], splitEnd[i]). */
    private final int[] splitEnd;
    private final int[] splitNode;
    private final int[] splitFeature;
    private final float[] splitValue;
    private final boolean[] splitDefaultLeft;
    /**
     * Per packed tree: its block count, then per block: the count of direction nodes, the nodes, the count of
     * columns, the columns, and the offset of the block's table in {@link #table}.
     */
    private final int[] program;
    private final float[] table;
    /** The trees' expectations (root mean values) summed, the part of the bias they add. */
    private final double rootMeans;

    /** @param tables per model tree, its table or null where the tree is walked instead */
    PackedSubtreeTables(SubtreeTable[] tables) {
        List<Integer> packed = new ArrayList<>();
        int splits = 0;
        int programLength = 0;
        int tableLength = 0;
        for (int t = 0; t < tables.length; t++) {
            SubtreeTable tree = tables[t];
            if (tree != null) {
                packed.add(t);
                splits += tree.splitNode.length;
                int blocks = tree.bitStart.length - 1;
                programLength += 1 + 3 * blocks + tree.bitNodes.length + tree.columns.length;
                tableLength += tree.table.length;
            }
        }
        trees = packed.stream().mapToInt(Integer::intValue).toArray();
        splitEnd = new int[trees.length];
        splitNode = new int[splits];
        splitFeature = new int[splits];
        splitValue = new float[splits];
        splitDefaultLeft = new boolean[splits];
        program = new int[programLength];
        table = new float[tableLength];
        int s = 0;
        int p = 0;
        int tableOffset = 0;
        double means = 0;
        for (int i = 0; i < trees.length; i++) {
            SubtreeTable tree = tables[trees[i]];
            means += tree.rootMean;
            int n = tree.splitNode.length;
            System.arraycopy(tree.splitNode, 0, splitNode, s, n);
            System.arraycopy(tree.splitFeature, 0, splitFeature, s, n);
            System.arraycopy(tree.splitValue, 0, splitValue, s, n);
            System.arraycopy(tree.splitDefaultLeft, 0, splitDefaultLeft, s, n);
            s += n;
            splitEnd[i] = s;
            int blocks = tree.bitStart.length - 1;
            program[p++] = blocks;
            for (int b = 0; b < blocks; b++) {
                int bits = tree.bitStart[b + 1] - tree.bitStart[b];
                program[p++] = bits;
                System.arraycopy(tree.bitNodes, tree.bitStart[b], program, p, bits);
                p += bits;
                int width = tree.columnStart[b + 1] - tree.columnStart[b];
                program[p++] = width;
                System.arraycopy(tree.columns, tree.columnStart[b], program, p, width);
                p += width;
                program[p++] = tableOffset + tree.tableStart[b];
            }
            System.arraycopy(tree.table, 0, table, tableOffset, tree.table.length);
            tableOffset += tree.table.length;
        }
        rootMeans = means;
    }

    /**
     * Adds the packed trees' SHAP values for {@code row} to {@code phi} (one slot per feature, then the bias) and
     * stores, for each packed tree, the value of the leaf the row reaches at its model index in {@code leaves}.
     */
    void explain(float[] row, double[] phi, float[] leaves) {
        phi[phi.length - 1] += rootMeans;
        int s = 0;
        int p = 0;
        for (int i = 0; i < trees.length; i++) {
            // Branch-free on purpose: which way a row goes is a coin toss to the CPU, and mispredictions cost more
            // than the arithmetic. NaN compares false, so a missing value goes left exactly when its default is.
            long goesLeft = 0;
            for (int end = splitEnd[i]; s < end; s++) {
                float value = row[splitFeature[s]];
                boolean left = value < splitValue[s] | (value != value & splitDefaultLeft[s]);
                goesLeft |= (left ? 1L : 0L) << splitNode[s];
            }
            float leaf = 0;
            for (int blocks = program[p++]; blocks > 0; blocks--) {
                int index = 0;
                for (int bit = 0, bits = program[p++]; bit < bits; bit++) {
                    index |= (int) (goesLeft >>> program[p++] & 1L) << bit;
                }
                int width = program[p++];
                int base = program[p + width] + index * (width + 1);
                for (int k = 0; k < width; k++) {
                    phi[program[p + k]] += table[base + k];
                }
                leaf += table[base + width];
                p += width + 1;
            }
            leaves[trees[i]] = leaf;
        }
    }
}
