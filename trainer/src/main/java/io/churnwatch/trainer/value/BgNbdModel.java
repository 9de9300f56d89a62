package io.churnwatch.trainer.value;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
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
     * The box [MIN_SHAPE, MAX_SHAPE] the fit keeps the shapes r, a and b in, and alpha divided by the pooled time per
     * repeat purchase. See {@link #fit}.
     */
    public static final double MIN_SHAPE = 1e-4;
    public static final double MAX_SHAPE = 1e4;

    public BgNbdModel {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters are required");
        }
    }

    /** A model from known parameters, e.g. those read back from a model release. */
    public static BgNbdModel of(BgNbdParameters parameters) {
        return new BgNbdModel(parameters, Double.NaN, 0);
    }

    /**
     * Fits (r, alpha, a, b) by maximum likelihood with r, a and b in [{@link #MIN_SHAPE}, {@link #MAX_SHAPE}] and
     * alpha in that box times the pooled time per repeat purchase (alpha carries the time unit, so its box moves with
     * it). Needs at least one customer with a repeat purchase.
     *
     * <p>Why a box: when the data show no heterogeneity in drop-out, the likelihood rises ever more slowly along the
     * ridge a, b &rarr; infinity with a/(a+b) fixed (likewise r, alpha &rarr; infinity for purchase rates), and an
     * unbounded search drifts to a = 1e6, b = 1e8 (seen on the 390-customer real-data sample). At the bound the
     * mixing distribution is already nearly a point (a Beta with a + b = 1e4 has a standard deviation of at most
     * 0.005), so the likelihood given up is small (see BgNbdRealSampleTest) and the parameters stay sane. A parameter
     * that ends on the bound is logged.
     */
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
        double timePerRepeat = exposure / repeatPurchases;
        // Start from a unit-shape gamma whose mean matches the pooled purchase rate, and a flat beta.
        double[] start = {1, timePerRepeat, 1, 1};
        double[] lower = {MIN_SHAPE, MIN_SHAPE * timePerRepeat, MIN_SHAPE, MIN_SHAPE};
        double[] upper = {MAX_SHAPE, MAX_SHAPE * timePerRepeat, MAX_SHAPE, MAX_SHAPE};
        LogSpaceMaximizer.Maximum maximum = LogSpaceMaximizer.maximize(
                p -> likelihood.logLikelihood(p[0], p[1], p[2], p[3]), start, lower, upper);
        BgNbdParameters fitted = BgNbdParameters.fromArray(maximum.parameters());
        LOG.info("BG/NBD fitted on {} customers: {} (log-likelihood {}, {} evaluations)",
                summaries.size(), fitted, maximum.value(), maximum.evaluations());
        String atBound = atBound(maximum.parameters(), lower, upper);
        if (!atBound.isEmpty()) {
            LOG.warn("BG/NBD fit on {} customers stopped at the parameter bound for {}: the data do not pin {} down "
                    + "(a flat likelihood ridge, e.g. no drop-out heterogeneity); the bounded fit is used",
                    summaries.size(), atBound, atBound.contains(",") ? "them" : "it");
        }
        return new BgNbdModel(fitted, maximum.value(), summaries.size());
    }

    /** The parameters within 1% of a bound (on a flat ridge the search stops close to the bound, not on it). */
    private static String atBound(double[] values, double[] lower, double[] upper) {
        String[] names = {"r", "alpha", "a", "b"};
        StringBuilder bound = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (values[i] <= lower[i] * 1.01 || values[i] >= upper[i] / 1.01) {
                bound.append(bound.length() == 0 ? "" : ", ").append(names[i]);
            }
        }
        return bound.toString();
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
     * Expected purchases in {@code (T, T + t]} given the history: {@code P(alive) E[Y(t) | alive]}. Fader, Hardie
     * &amp; Lee (2005) give the second factor as {@code (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x)
     * 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))]}, but that series overflows once a and b run into the millions (a
     * fit with no drop-out heterogeneity drifts there) and the bracket cancels badly for short horizons. So it is
     * computed from what the formula integrates: alive at T, the rate is {@code Gamma(r+x, alpha+T)} and the drop-out
     * probability {@code Beta(a, b+x)}; a customer with rate lambda and drop-out p expects
     * {@code (1 - e^(-lambda p t)) / p} purchases, which averages over lambda to
     *
     * <pre>
     * g(p) = (1 - (1 + p t/(alpha+T))^-(r+x)) / p,      E[Y(t) | alive] = E[g(p)], p ~ Beta(a, b+x)
     * </pre>
     *
     * a smooth, positive, decreasing function bounded by {@code (r+x) t/(alpha+T)}, averaged by
     * {@link BetaExpectation} for any a and b. As a, b grow with {@code a/(a+b)} fixed, Beta(a, b+x) collapses onto
     * a point and this tends to the geometric drop-out limit {@code g(a/(a+b+x))}; there is no singularity at a = 1.
     * Where the shapes allow (what real fits give), {@link DropoutSeries} sums the hypergeometric series in a stable
     * form instead, several times faster, and hands back to the integral where its own rounding estimate says so.
     */
    public double expectedPurchases(double t, double x, double tx, double bigT) {
        requireHorizon(t);
        RfmSummary.validate(x, tx, bigT);
        if (t == 0) {
            return 0;
        }
        return expectedPurchasesIfAlive(t, x, bigT) * probabilityAlive(x, tx, bigT);
    }

    private double expectedPurchasesIfAlive(double t, double x, double bigT) {
        double shape = parameters.r() + x;
        double scaledHorizon = t / (parameters.alpha() + bigT);
        double series = DropoutSeries.expectedIfAlive(parameters.r(), parameters.a(), parameters.b(), x,
                scaledHorizon);
        return Double.isNaN(series) ? integratedIfAlive(parameters.a(), parameters.b() + x, shape, scaledHorizon)
                : series;
    }

    /** {@code E[g(p)]} for {@code p ~ Beta(a, bPlusX)} by quadrature: right for any shapes. */
    static double integratedIfAlive(double a, double bPlusX, double shape, double scaledHorizon) {
        double atZero = shape * scaledHorizon;
        DoubleUnaryOperator purchasesGivenDropout = p -> p == 0 ? atZero
                : -Math.expm1(-shape * Math.log1p(p * scaledHorizon)) / p;
        // |g'(p)/g(p)| is below (r+x+1) t/(alpha+T) + 2 on [0, 1]: it sizes the flat tails.
        double relativeSlope = (shape + 1) * scaledHorizon + 2;
        return BetaExpectation.mean(a, bPlusX, purchasesGivenDropout, relativeSlope);
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
