package io.churnwatch.trainer.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Scores and outcomes sorted by score, highest first, with the boundaries of groups of tied scores. Every
 * metric walks the groups rather than single customers, which is what makes it independent of input order.
 */
final class RankedOutcomes {

    private final int[] originalIndex;
    private final double[] scores;
    private final boolean[] positives;
    private final int[] groupStarts;
    private final int positiveCount;

    private RankedOutcomes(double[] scores, boolean[] positives) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        this.originalIndex = new int[scores.length];
        this.scores = new double[scores.length];
        this.positives = new boolean[scores.length];
        int positivesSeen = 0;
        int groups = 0;
        int[] starts = new int[scores.length + 1];
        for (int k = 0; k < order.length; k++) {
            this.originalIndex[k] = order[k];
            this.scores[k] = scores[order[k]];
            this.positives[k] = positives[order[k]];
            positivesSeen += this.positives[k] ? 1 : 0;
            if (k == 0 || this.scores[k] != this.scores[k - 1]) {
                starts[groups++] = k;
            }
        }
        starts[groups] = scores.length;
        this.groupStarts = Arrays.copyOf(starts, groups + 1);
        this.positiveCount = positivesSeen;
    }

    /** Validates and sorts; scores must be finite, and both arrays of the same, non-zero length. */
    static RankedOutcomes of(double[] scores, boolean[] positives) {
        if (scores.length != positives.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positives.length + " outcomes");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("no scores to evaluate");
        }
        for (double score : scores) {
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("scores must be finite, got " + score);
            }
        }
        return new RankedOutcomes(scores, positives);
    }

    int size() {
        return scores.length;
    }

    int positives() {
        return positiveCount;
    }

    int negatives() {
        return scores.length - positiveCount;
    }

    /** The input index of the customer at sorted position {@code k}. */
    int originalIndex(int k) {
        return originalIndex[k];
    }

    int groups() {
        return groupStarts.length - 1;
    }

    /** First position (0 = highest score) of tie group {@code g}. */
    int groupStart(int g) {
        return groupStarts[g];
    }

    /** One past the last position of tie group {@code g}. */
    int groupEnd(int g) {
        return groupStarts[g + 1];
    }

    double groupScore(int g) {
        return scores[groupStarts[g]];
    }

    int positivesInGroup(int g) {
        int count = 0;
        for (int k = groupStart(g); k < groupEnd(g); k++) {
            count += positives[k] ? 1 : 0;
        }
        return count;
    }

    void requireBothClasses(String metric) {
        if (positiveCount == 0 || positiveCount == scores.length) {
            throw new IllegalArgumentException(metric + " needs both churned and retained customers; got "
                    + positiveCount + " churned of " + scores.length);
        }
    }
}
