package io.churnwatch.trainer.value;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A high-precision reference for BG/NBD's expected purchases of a customer alive at T, by a route independent of
 * the production code's integral over the drop-out probability: summing over the number of purchase opportunities.
 *
 * <p>Alive at T, the customer's purchase opportunities in {@code (T, T + t]} are negative binomial,
 * {@code N ~ NB(r + x, theta = t / (alpha + T + t))} (Poisson with a Gamma(r + x, alpha + T) rate), and with
 * drop-out {@code p ~ Beta(a, b + x)} the k-th opportunity is taken iff the customer survived the k - 1 before it,
 * which has probability {@code m_k = B(a, b + x + k - 1) / B(a, b + x)}. So
 * {@code E[Y] = sum_n P(N = n) M_n} with {@code M_n = m_1 + ... + m_n}: a series of positive terms, summed in
 * 40-digit decimal arithmetic until a geometric bound on the rest is below 1e-25 of the sum. The only rounding
 * to double precision is in the fractional power of {@code P(N = 0)}, a common factor (relative error ~1e-16).
 */
final class PurchaseCountSeries {

    private static final MathContext MC = new MathContext(40);
    private static final BigDecimal STOP = new BigDecimal("1e-25");
    private static final int MAX_TERMS = 5_000_000;

    private PurchaseCountSeries() {
    }

    static double expectedPurchasesIfAlive(BgNbdParameters params, double t, double x, double bigT) {
        BigDecimal s = new BigDecimal(params.r()).add(new BigDecimal(x));
        BigDecimal exposure = new BigDecimal(params.alpha()).add(new BigDecimal(bigT));
        BigDecimal horizon = new BigDecimal(t);
        BigDecimal theta = horizon.divide(exposure.add(horizon), MC);
        BigDecimal stay = exposure.divide(exposure.add(horizon), MC);
        BigDecimal dropA = new BigDecimal(params.a());
        BigDecimal dropB = new BigDecimal(params.b()).add(new BigDecimal(x));

        // P(N = 0) = stay^s = stay^floor(s) * stay^frac(s); only the second factor is computed in doubles.
        int whole = (int) Math.floor(s.doubleValue());
        double fraction = s.subtract(new BigDecimal(whole)).doubleValue();
        BigDecimal pmf = stay.pow(whole, MC).multiply(new BigDecimal(Math.pow(stay.doubleValue(), fraction)), MC);

        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal takenSoFar = BigDecimal.ZERO; // M_n
        BigDecimal survive = BigDecimal.ONE;     // m_(n+1)
        for (int n = 0; n < MAX_TERMS; n++) {
            sum = sum.add(pmf.multiply(takenSoFar, MC), MC);
            BigDecimal bigN = new BigDecimal(n);
            // Next opportunity: M_(n+1) = M_n + m_(n+1); m_(n+2) = m_(n+1) (B + n) / (A + B + n).
            takenSoFar = takenSoFar.add(survive, MC);
            survive = survive.multiply(dropB.add(bigN), MC).divide(dropA.add(dropB).add(bigN), MC);
            BigDecimal ratio = s.add(bigN).multiply(theta, MC).divide(bigN.add(BigDecimal.ONE), MC);
            pmf = pmf.multiply(ratio, MC);
            if (n > 0 && tailBound(pmf, takenSoFar, ratio.max(theta)).compareTo(STOP.multiply(sum)) <= 0) {
                return sum.add(pmf.multiply(takenSoFar, MC), MC).doubleValue();
            }
        }
        throw new IllegalStateException("the reference series needs more than " + MAX_TERMS + " terms here");
    }

    /**
     * With every later pmf ratio at most {@code rho < 1} and {@code M} growing by at most 1 per term, the terms from
     * this one on sum to at most {@code pmf (M / (1 - rho) + rho / (1 - rho)^2)}; infinite while rho >= 1.
     */
    private static BigDecimal tailBound(BigDecimal pmf, BigDecimal taken, BigDecimal rho) {
        BigDecimal gap = BigDecimal.ONE.subtract(rho);
        if (gap.signum() <= 0) {
            return new BigDecimal("1e300");
        }
        return pmf.multiply(taken.divide(gap, MC).add(rho.divide(gap.multiply(gap, MC), MC)), MC);
    }
}
