package io.churnwatch.trainer.value;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BG/NBD model: fitting by maximum likelihood and the per-customer quantities the system needs. All time
 * arguments are in the unit the parameters were fitted in (days in churnwatch; see the package documentation).
 *
 * @param parameters    the fitted (or given) parameters
 * @param logLikelihood the log-likelihood of the training customers at {@code parameters}; NaN when the model
 *                      was built from parameters alone
 * @param customers     how many customers it was fitted on; 0 when built from parameters alone
 */
public record BgNbdModel(BgNbdParameters parameters, double logLikelihood, int customers) {

    private static final Logger LOG = LoggerFactory.getLogger(BgNbdModel.class);

    /**
     * The conditional expectation divides by (a - 1); the limit at a = 1 is finite, so there it is taken as the
     * mean of two evaluations this far either side (error of order this distance squared).
     */
    private static final double A_NEAR_ONE = 1e-4;

    public BgNbdModel {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters are required");
        }
    }

    /** A model from known parameters, e.g. those read back from a model release. */
    public static BgNbdModel of(BgNbdParameters parameters) {
        return new BgNbdModel(parameters, Double.NaN, 0);
    }

    /** Fits (r, alpha, a, b) by maximum likelihood. Needs at least one customer with a repeat purchase. */
    public static BgNbdModel fit(List<RfmSummary> summaries) {
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException("cannot fit BG/NBD on no customers");
        }
        double repeatPurchases = 0;
        double exposure = 0;
        for (RfmSummary summary : summaries) {
            repeatPurchases += summary.frequency();
            exposure += summary.age();
        }
        if (repeatPurchases == 0 || exposure == 0) {
            throw new IllegalArgumentException("cannot fit BG/NBD: no customer has a repeat purchase over time > 0");
        }
        BgNbdLikelihood likelihood = new BgNbdLikelihood(summaries);
        // Start from a unit-shape gamma whose mean matches the pooled purchase rate, and a flat beta.
        double[] start = {1, exposure / repeatPurchases, 1, 1};
        LogSpaceMaximizer.Maximum maximum = LogSpaceMaximizer.maximize(
                p -> likelihood.logLikelihood(p[0], p[1], p[2], p[3]), start);
        BgNbdParameters fitted = BgNbdParameters.fromArray(maximum.parameters());
        LOG.info("BG/NBD fitted on {} customers: {} (log-likelihood {}, {} evaluations)",
                summaries.size(), fitted, maximum.value(), maximum.evaluations());
        return new BgNbdModel(fitted, maximum.value(), summaries.size());
    }

    /** Log-likelihood of other customers under these parameters (e.g. a holdout). */
    public double logLikelihoodOf(List<RfmSummary> summaries) {
        return new BgNbdLikelihood(summaries).logLikelihood(parameters);
    }

    /**
     * P(alive at T | x, t_x, T) (Fader, Hardie &amp; Lee, "Computing P(alive) using the BG/NBD model", 2008):
     * {@code 1 / (1 + [x > 0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))}.
     */
    public double probabilityAlive(double x, double tx, double bigT) {
        RfmSummary.validate(x, tx, bigT);
        if (x == 0) {
            return 1;
        }
        double logOddsDead = Math.log(parameters.a()) - Math.log(parameters.b() + x - 1)
                + (parameters.r() + x) * (Math.log(parameters.alpha() + bigT) - Math.log(parameters.alpha() + tx));
        return logistic(-logOddsDead);
    }

    /**
     * Probability of no purchase in {@code (T, T + horizon]}: the customer is dead, or alive and the purchase
     * process (rate lambda, posterior Gamma(r + x, alpha + T)) produces nothing in the horizon:
     * {@code 1 - P(alive) + P(alive) ((alpha+T)/(alpha+T+horizon))^(r+x)}. This is the churn baseline.
     */
    public double probabilityNoPurchase(double horizon, double x, double tx, double bigT) {
        requireHorizon(horizon);
        double alive = probabilityAlive(x, tx, bigT);
        double logSilentIfAlive = -(parameters.r() + x) * Math.log1p(horizon / (parameters.alpha() + bigT));
        // 1 - P(alive) * (1 - silent), with expm1 keeping precision when the horizon is short.
        double result = 1 + alive * Math.expm1(logSilentIfAlive);
        return Math.min(1, Math.max(0, result));
    }

    /**
     * Expected purchases in {@code (T, T + t]} given the history (Fader, Hardie &amp; Lee 2005, "Counting your
     * customers the easy way"):
     *
     * <pre>
     * E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1) * [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)] * P(alive)
     * with z = t / (alpha+T+t).
     * </pre>
     *
     * Euler's transformation {@code 2F1(A,B;C;z) = (1-z)^(C-A-B) 2F1(C-A,C-B;C;z)} turns the bracketed product into
     * {@code (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z)}: the series parameters then no longer grow with x, so the
     * terms stay small for heavy buyers and the series converges fast (its c grows with x instead).
     */
    public double expectedPurchases(double t, double x, double tx, double bigT) {
        requireHorizon(t);
        RfmSummary.validate(x, tx, bigT);
        if (t == 0) {
            return 0;
        }
        double a = parameters.a();
        if (Math.abs(a - 1) < A_NEAR_ONE) {
            return (expectedPurchasesWithA(1 - A_NEAR_ONE, t, x, bigT)
                    + expectedPurchasesWithA(1 + A_NEAR_ONE, t, x, bigT)) / 2 * probabilityAlive(x, tx, bigT);
        }
        return expectedPurchasesWithA(a, t, x, bigT) * probabilityAlive(x, tx, bigT);
    }

    /** The expectation for a customer known to be alive at T, for a given a (a != 1). */
    private double expectedPurchasesWithA(double a, double t, double x, double bigT) {
        double r = parameters.r();
        double b = parameters.b();
        double alphaPlusT = parameters.alpha() + bigT;
        double z = t / (alphaPlusT + t);
        double logOneMinusZ = -Math.log1p(t / alphaPlusT);
        double transformed = Math.exp((a - 1) * logOneMinusZ)
                * Hypergeometric2F1.value(a + b - 1 - r, a - 1, a + b + x - 1, z);
        return (a + b + x - 1) / (a - 1) * (1 - transformed);
    }

    private static void requireHorizon(double horizon) {
        if (!(horizon >= 0) || Double.isInfinite(horizon)) {
            throw new IllegalArgumentException("horizon must be a finite number >= 0, got " + horizon);
        }
    }

    private static double logistic(double u) {
        return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
    }
}
