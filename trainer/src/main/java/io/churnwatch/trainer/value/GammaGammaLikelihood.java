package io.churnwatch.trainer.value;

import static org.apache.commons.math3.special.Gamma.logGamma;

import java.util.List;

/**
 * The Gamma-Gamma log-likelihood of customers' mean repeat spend (Fader &amp; Hardie 2013, "The Gamma-Gamma
 * model of monetary value"): with {@code m} the mean of {@code x} values, {@code x m ~ Gamma(p x, nu)}, and
 * integrating {@code nu ~ Gamma(q, gamma)} out gives
 *
 * <pre>
 * log L = logGamma(p x + q) - logGamma(p x) - logGamma(q) + q log gamma + (p x - 1) log m + p x log x
 *       - (p x + q) log(gamma + m x)
 * </pre>
 */
final class GammaGammaLikelihood {

    private final double[] frequency;
    private final double[] meanValue;

    /** Only customers with a repeat purchase carry information about spend; the others are skipped. */
    GammaGammaLikelihood(List<SpendSummary> summaries) {
        List<SpendSummary> repeaters = summaries.stream().filter(SpendSummary::hasRepeatPurchases).toList();
        frequency = new double[repeaters.size()];
        meanValue = new double[repeaters.size()];
        for (int i = 0; i < repeaters.size(); i++) {
            frequency[i] = repeaters.get(i).frequency();
            meanValue[i] = repeaters.get(i).meanRepeatValue();
        }
    }

    int customers() {
        return frequency.length;
    }

    double logLikelihood(GammaGammaParameters params) {
        return logLikelihood(params.p(), params.q(), params.gamma());
    }

    double logLikelihood(double p, double q, double gamma) {
        double constant = -logGamma(q) + q * Math.log(gamma);
        double total = 0;
        for (int i = 0; i < frequency.length; i++) {
            double x = frequency[i];
            double m = meanValue[i];
            double px = p * x;
            total += constant + logGamma(px + q) - logGamma(px) + (px - 1) * Math.log(m) + px * Math.log(x)
                    - (px + q) * Math.log(gamma + m * x);
        }
        return total;
    }
}
