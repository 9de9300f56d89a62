package io.churnwatch.trainer.evaluation;

import java.util.Locale;

/**
 * Chooses the alert threshold that maximises the expected profit of a retention campaign that contacts everyone at
 * or above it (the expected campaign profit of Neslin et al. 2006 and Verbeke et al. 2012). A contacted customer
 * with churn probability {@code p} and value {@code v} (what they are worth if kept, e.g. expected revenue over the
 * horizon) earns
 *
 * <pre>
 * profit = p * saveRate * (v - incentive) - (1 - p) * incentive - contactCost,    incentive = incentiveShare * v
 * </pre>
 *
 * A would-be churner accepts the offer with probability {@code saveRate} and is kept, less the offer's cost; a
 * customer who would have stayed anyway takes the offer too, so it is money given away; every contact costs
 * {@code contactCost}. Money is in the unit of {@code v}. Unlike {@code p * v * saveRate - contactCost}, this makes
 * contacting loyal customers cost something, so the threshold is no longer the minimum probability whenever
 * customers are worth many contacts: a customer pays off only when
 * {@code p > (incentive + contactCost) / (saveRate * (v - incentive) + incentive)}.
 *
 * <p>Only thresholds at observed probabilities are candidates, and customers with tied probabilities are alerted
 * together. Among equally good thresholds the highest (fewest contacts) wins. If no threshold has a positive
 * expected profit, the threshold is set just above the highest probability, so nobody is alerted.
 */
public final class ThresholdChooser {

    private final double saveRate;
    private final double contactCost;
    private final double incentiveShare;

    /**
     * @param saveRate       share of contacted would-be churners the offer keeps, in (0, 1]
     * @param contactCost    cost of one contact, in the unit of the customer values, &gt;= 0
     * @param incentiveShare the offer's cost as a share of the customer's value (e.g. a discount), in [0, 1]
     */
    public ThresholdChooser(double saveRate, double contactCost, double incentiveShare) {
        if (!(saveRate > 0 && saveRate <= 1)) {
            throw new IllegalArgumentException("saveRate must lie in (0, 1], got " + saveRate);
        }
        if (!(contactCost >= 0) || Double.isInfinite(contactCost)) {
            throw new IllegalArgumentException("contactCost must be a finite number >= 0, got " + contactCost);
        }
        if (!(incentiveShare >= 0 && incentiveShare <= 1)) {
            throw new IllegalArgumentException("incentiveShare must lie in [0, 1], got " + incentiveShare);
        }
        this.saveRate = saveRate;
        this.contactCost = contactCost;
        this.incentiveShare = incentiveShare;
    }

    /** The expected profit of contacting one customer with churn probability {@code p} and value {@code value}. */
    public double profit(double p, double value) {
        double incentive = incentiveShare * value;
        return p * saveRate * (value - incentive) - (1 - p) * incentive - contactCost;
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

        double best = 0;
        double bestThreshold = Math.nextUp(ranked.groupScore(0));
        int bestAlerted = 0;
        double running = 0;
        for (int g = 0; g < ranked.groups(); g++) {
            for (int k = ranked.groupStart(g); k < ranked.groupEnd(g); k++) {
                int i = ranked.originalIndex(k);
                running += profit(probabilities[i], values[i]);
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

    private String describe(double threshold, int customers, int alerted, double profit) {
        return String.format(Locale.ROOT, "Alert when churn probability >= %.6f: the threshold that maximises the "
                + "expected campaign profit over the holdout, sum over alerted customers of (p * saveRate * "
                + "(value - incentive) - (1 - p) * incentive - contactCost) with incentive = incentiveShare * value, "
                + "saveRate = %s, incentiveShare = %s and contactCost = %s, over %d holdout customers (%d alerted, "
                + "expected profit %.2f); ties in p are alerted together, and the highest of equally good thresholds "
                + "is taken.", threshold, saveRate, incentiveShare, contactCost, customers, alerted, profit);
    }
}
