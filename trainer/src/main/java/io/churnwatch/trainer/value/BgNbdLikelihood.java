package io.churnwatch.trainer.value;

import static org.apache.commons.math3.special.Beta.logBeta;
import static org.apache.commons.math3.special.Gamma.logGamma;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The BG/NBD log-likelihood of a set of customers (Fader, Hardie &amp; Lee 2005, in closed form):
 *
 * <pre>
 * L = B(a, b+x)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))
 *   + [x &gt; 0] B(a+1, b+x-1)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+t_x)^(r+x))
 * </pre>
 *
 * The two terms are added in log space (log-sum-exp), since each alone under- or overflows for customers with
 * many purchases. Customers with identical (x, t_x, T) are counted once with a weight: with day-resolution
 * data many customers share a summary, and the optimiser evaluates this sum thousands of times.
 */
final class BgNbdLikelihood {

    private final double[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] weight;
    private final int customers;

    BgNbdLikelihood(List<RfmSummary> summaries) {
        Map<RfmSummary, Integer> counts = new LinkedHashMap<>();
        for (RfmSummary summary : summaries) {
            counts.merge(summary, 1, Integer::sum);
        }
        int distinct = counts.size();
        frequency = new double[distinct];
        recency = new double[distinct];
        age = new double[distinct];
        weight = new double[distinct];
        int i = 0;
        for (Map.Entry<RfmSummary, Integer> entry : counts.entrySet()) {
            frequency[i] = entry.getKey().frequency();
            recency[i] = entry.getKey().recency();
            age[i] = entry.getKey().age();
            weight[i] = entry.getValue();
            i++;
        }
        customers = summaries.size();
    }

    int customers() {
        return customers;
    }

    double logLikelihood(BgNbdParameters params) {
        return logLikelihood(params.r(), params.alpha(), params.a(), params.b());
    }

    double logLikelihood(double r, double alpha, double a, double b) {
        double logGammaR = logGamma(r);
        double logBetaAB = logBeta(a, b);
        double logAlpha = Math.log(alpha);
        double total = 0;
        for (int i = 0; i < frequency.length; i++) {
            total += weight[i] * customerLogLikelihood(r, alpha, a, b, logGammaR, logBetaAB, logAlpha,
                    frequency[i], recency[i], age[i]);
        }
        return total;
    }

    /** One customer's log-likelihood; the parameter-only terms are passed in so the loop computes them once. */
    static double customerLogLikelihood(double r, double alpha, double a, double b, double logGammaR,
                                        double logBetaAB, double logAlpha, double x, double tx, double bigT) {
        double common = logGamma(r + x) - logGammaR + r * logAlpha;
        double aliveAtT = logBeta(a, b + x) - logBetaAB - (r + x) * Math.log(alpha + bigT);
        if (x == 0) {
            return common + aliveAtT;
        }
        double diedAfterLast = logBeta(a + 1, b + x - 1) - logBetaAB - (r + x) * Math.log(alpha + tx);
        return common + logSumExp(aliveAtT, diedAfterLast);
    }

    static double logSumExp(double u, double v) {
        double max = Math.max(u, v);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(Math.min(u, v) - max));
    }
}
