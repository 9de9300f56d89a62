package io.churnwatch.trainer.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptimalAssignmentTest {

    @Test
    void solvesAHandWorkedSquareProblem() {
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        // Best: row 0 -> 1 (1), row 1 -> 0 (2), row 2 -> 2 (2): total 5.
        assertThat(OptimalAssignment.minimumCost(cost)).containsExactly(1, 0, 2);
    }

    @Test
    void matchesBruteForceOnRandomProblems() {
        Random random = new Random(17);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 1 + random.nextInt(6);
            int columns = 1 + random.nextInt(6);
            double[][] cost = new double[rows][columns];
            for (double[] row : cost) {
                for (int j = 0; j < columns; j++) {
                    row[j] = random.nextInt(4) == 0 ? 1.0 : random.nextDouble() * 10; // with ties
                }
            }
            int[] assignment = OptimalAssignment.minimumCost(cost);
            assertThat(assignment).hasSize(rows);
            Set<Integer> usedColumns = new HashSet<>();
            double total = 0;
            int matched = 0;
            for (int i = 0; i < rows; i++) {
                if (assignment[i] >= 0) {
                    assertThat(usedColumns.add(assignment[i])).isTrue();
                    total += cost[i][assignment[i]];
                    matched++;
                }
            }
            assertThat(matched).isEqualTo(Math.min(rows, columns));
            assertThat(total).as("trial %d", trial).isCloseTo(bruteForce(cost, 0, new boolean[columns],
                    Math.min(rows, columns)), within(1e-9));
        }
    }

    /** Minimum over all ways to match min(rows, columns) pairs, by exhaustive search. */
    private static double bruteForce(double[][] cost, int row, boolean[] usedColumns, int pairsLeft) {
        if (pairsLeft == 0) {
            return 0;
        }
        if (row == cost.length) {
            return Double.POSITIVE_INFINITY;
        }
        // Either skip this row (only possible when rows outnumber columns) or match it to a free column.
        double best = bruteForce(cost, row + 1, usedColumns, pairsLeft);
        for (int j = 0; j < usedColumns.length; j++) {
            if (!usedColumns[j]) {
                usedColumns[j] = true;
                best = Math.min(best, cost[row][j] + bruteForce(cost, row + 1, usedColumns, pairsLeft - 1));
                usedColumns[j] = false;
            }
        }
        return best;
    }
}
