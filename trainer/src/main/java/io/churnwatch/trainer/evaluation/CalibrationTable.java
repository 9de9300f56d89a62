package io.churnwatch.trainer.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Predicted against observed churn in quantile bins of the prediction (deciles by default). Customers are
 * ranked by prediction and cut into equal-count bins, except that tied predictions always share a bin (the bin
 * of the tie group's lowest rank), so bins can be unequal and, with heavy ties, fewer than asked for.
 */
public record CalibrationTable(List<CalibrationBin> bins) {

    public static final int DECILES = 10;

    public CalibrationTable {
        bins = List.copyOf(bins);
    }

    public static CalibrationTable deciles(double[] probabilities, boolean[] churned) {
        return of(probabilities, churned, DECILES);
    }

    public static CalibrationTable of(double[] probabilities, boolean[] churned, int binCount) {
        if (binCount < 1) {
            throw new IllegalArgumentException("need at least one bin, got " + binCount);
        }
        Probabilities.check(probabilities, churned);
        RankedOutcomes ranked = RankedOutcomes.of(probabilities, churned);
        int n = ranked.size();
        long[] count = new long[binCount];
        double[] sumPredicted = new double[binCount];
        long[] churners = new long[binCount];
        double[] min = new double[binCount];
        double[] max = new double[binCount];
        // Walk from the lowest prediction up: the last group in descending order comes first.
        for (int g = ranked.groups() - 1; g >= 0; g--) {
            int size = ranked.groupEnd(g) - ranked.groupStart(g);
            int ascendingStart = n - ranked.groupEnd(g);
            int bin = (int) ((long) ascendingStart * binCount / n);
            double score = ranked.groupScore(g);
            if (count[bin] == 0) {
                min[bin] = score;
            }
            max[bin] = score;
            count[bin] += size;
            sumPredicted[bin] += score * size;
            churners[bin] += ranked.positivesInGroup(g);
        }
        List<CalibrationBin> bins = new ArrayList<>();
        for (int b = 0; b < binCount; b++) {
            if (count[b] > 0) {
                bins.add(new CalibrationBin(b, count[b], min[b], max[b], sumPredicted[b] / count[b],
                        (double) churners[b] / count[b]));
            }
        }
        return new CalibrationTable(bins);
    }

    /** Count-weighted mean absolute gap between predicted and observed rates (expected calibration error). */
    public double expectedCalibrationError() {
        long total = bins.stream().mapToLong(CalibrationBin::count).sum();
        return bins.stream().mapToDouble(b -> b.count() * Math.abs(b.meanPredicted() - b.observedRate())).sum() / total;
    }
}
