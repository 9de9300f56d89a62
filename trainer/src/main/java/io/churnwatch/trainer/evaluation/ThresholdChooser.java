package io.churnwatch.trainer.evaluation;

import java.util.Locale;

/**
 * Chooses the alert threshold that maximises the expected retained value of contacting everyone at or above
 * it: {@code sum over alerted customers of (p * value * saveRate - contactCost)}, where {@code p} is the
 * predicted churn probability, {@code value} what the customer is worth if kept (e.g. expected revenue over the
 * horizon), {@code saveRate} the share of would-be churners a contact keeps, and {@code contactCost} the cost of
 * one contact in the same money unit as {@code value}.
 *
 * <p>Only thresholds at observed probabilities are candidates, and customers with tied probabilities are alerted
 * together. Among equally good thresholds the highest (fewest contacts) wins. If no threshold has a positive
 * expected value, the threshold is set just above the highest probability, so nobody is alerted.
 */
public final class ThresholdChooser {

    private final double saveRate;
    private final double contactCost;

    public ThresholdChooser(double saveRate, double contactCost) {
        if (!(saveRate > 0 && saveRate <= 1)) {
            throw new IllegalArgumentException("saveRate must lie in (0, 1], got " + saveRate);
        }
        if (!(contactCost >= 0) || Double.isInfinite(contactCost)) {
            throw new IllegalArgumentException("contactCost must be a finite number >= 0, got " + contactCost);
        }
        this.saveRate = saveRate;
        this.contactCost = contactCost;
    }

    public ThresholdChoice choose(double[] probabilities, double[] values) {
        if (values.length != probabilities.length) {
            throw new IllegalArgumentException(probabilities.length + " probabilities but " + values.length
                    + " values");
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("customer values must be finite, got " + value);
            }
        }
        Probabilities.check(probabilities, new boolean[probabilities.length]);
        RankedOutcomes ranked = RankedOutcomes.of(probabilities, new boolean[probabilities.length]);
        double[] gain = sortedGains(probabilities, values, ranked);

        double best = 0;
        double bestThreshold = Math.nextUp(ranked.groupScore(0));
        int bestAlerted = 0;
        double running = 0;
        for (int g = 0; g < ranked.groups(); g++) {
            for (int k = ranked.groupStart(g); k < ranked.groupEnd(g); k++) {
                running += gain[k];
            }
            if (running > best) {
                best = running;
                bestThreshold = ranked.groupScore(g);
                bestAlerted = ranked.groupEnd(g);
            }
        }
        return new ThresholdChoice(bestThreshold, describe(bestThreshold, probabilities.length, bestAlerted, best),
                best, bestAlerted);
    }

    /** Each customer's contribution, in the ranking's (descending probability) order. */
    private double[] sortedGains(double[] probabilities, double[] values, RankedOutcomes ranked) {
        double[] gain = new double[probabilities.length];
        for (int k = 0; k < gain.length; k++) {
            int i = ranked.originalIndex(k);
            gain[k] = probabilities[i] * values[i] * saveRate - contactCost;
        }
        return gain;
    }

    private String describe(double threshold, int customers, int alerted, double value) {
        return String.format(Locale.ROOT, "Alert when churn probability >= %.6f: the threshold that maximises the "
                + "expected retained value, sum over alerted customers of (p * value * saveRate - contactCost), "
                + "with saveRate = %s and contactCost = %s, over %d holdout customers (%d alerted, expected "
                + "retained value %.2f); ties in p are alerted together, and the highest of equally good "
                + "thresholds is taken.", threshold, saveRate, contactCost, customers, alerted, value);
    }
}
