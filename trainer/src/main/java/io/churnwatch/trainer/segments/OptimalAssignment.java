package io.churnwatch.trainer.segments;

import java.util.Arrays;

/**
 * The Hungarian algorithm (Kuhn-Munkres, in the O(n^2 m) potentials form): assigns each row of a cost matrix to
 * a distinct column so that the total cost is minimal. Rows may be fewer than columns; a wider-than-tall problem
 * is solved on its transpose.
 */
final class OptimalAssignment {

    private OptimalAssignment() {
    }

    /**
     * @return for each row, its column; when there are more rows than columns, unmatched rows get -1
     */
    static int[] minimumCost(double[][] cost) {
        int rows = cost.length;
        if (rows == 0) {
            return new int[0];
        }
        int columns = cost[0].length;
        if (rows <= columns) {
            return solve(cost, rows, columns);
        }
        double[][] transposed = new double[columns][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                transposed[j][i] = cost[i][j];
            }
        }
        int[] columnToRow = solve(transposed, columns, rows);
        int[] rowToColumn = new int[rows];
        Arrays.fill(rowToColumn, -1);
        for (int j = 0; j < columns; j++) {
            rowToColumn[columnToRow[j]] = j;
        }
        return rowToColumn;
    }

    /** rows <= columns; arrays are 1-based inside, index 0 is the virtual start column. */
    private static int[] solve(double[][] cost, int rows, int columns) {
        double[] rowPotential = new double[rows + 1];
        double[] columnPotential = new double[columns + 1];
        int[] rowOfColumn = new int[columns + 1];
        int[] previous = new int[columns + 1];
        for (int row = 1; row <= rows; row++) {
            rowOfColumn[0] = row;
            int column = 0;
            double[] slack = new double[columns + 1];
            boolean[] used = new boolean[columns + 1];
            Arrays.fill(slack, Double.POSITIVE_INFINITY);
            do {
                used[column] = true;
                int currentRow = rowOfColumn[column];
                double delta = Double.POSITIVE_INFINITY;
                int next = 0;
                for (int j = 1; j <= columns; j++) {
                    if (used[j]) {
                        continue;
                    }
                    double reduced = cost[currentRow - 1][j - 1] - rowPotential[currentRow] - columnPotential[j];
                    if (reduced < slack[j]) {
                        slack[j] = reduced;
                        previous[j] = column;
                    }
                    if (slack[j] < delta) {
                        delta = slack[j];
                        next = j;
                    }
                }
                for (int j = 0; j <= columns; j++) {
                    if (used[j]) {
                        rowPotential[rowOfColumn[j]] += delta;
                        columnPotential[j] -= delta;
                    } else {
                        slack[j] -= delta;
                    }
                }
                column = next;
            } while (rowOfColumn[column] != 0);
            do {
                int before = previous[column];
                rowOfColumn[column] = rowOfColumn[before];
                column = before;
            } while (column != 0);
        }
        int[] assignment = new int[rows];
        for (int j = 1; j <= columns; j++) {
            if (rowOfColumn[j] != 0) {
                assignment[rowOfColumn[j] - 1] = j - 1;
            }
        }
        return assignment;
    }
}
