package io.churnwatch.trainer.value;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z)} for {@code |z| < 1}, summed from its power series
 * {@code sum_n (a)_n (b)_n / ((c)_n n!) z^n}.
 *
 * <p>The series is summed until the remaining tail is provably negligible rather than until one term is small:
 * the ratio of consecutive terms tends to {@code z}, so once it (and {@code z}) is below one the tail after term
 * {@code n} is at most {@code |term_n| * rho / (1 - rho)} with {@code rho = max(|ratio_n|, |z|)}. Two consecutive
 * terms must pass that test, and a series that has not converged after {@link #MAX_TERMS} terms is an error,
 * never a silently truncated answer.
 *
 * <p>A test reference: BgNbdModelTest evaluates Fader, Hardie &amp; Lee's published expected-purchases formula with
 * it at moderate parameters, where the series is safe. {@link BgNbdModel} itself no longer uses 2F1 (its series
 * overflows once a and b reach the millions).
 */
final class Hypergeometric2F1 {

    /** Enough for |z| up to about 0.9999 (z^n falls below 1e-16 well before this). */
    static final int MAX_TERMS = 2_000_000;
    private static final double RELATIVE_TOLERANCE = 1e-15;
    private static final int CONFIRMING_TERMS = 2;

    private Hypergeometric2F1() {
    }

    static double value(double a, double b, double c, double z) {
        if (!(Math.abs(z) < 1)) {
            throw new IllegalArgumentException("the 2F1 series needs |z| < 1, got z = " + z);
        }
        if (c <= 0 && c == Math.rint(c)) {
            throw new IllegalArgumentException("2F1 is undefined for c a non-positive integer, got c = " + c);
        }
        if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("2F1 parameters must be finite: a=" + a + ", b=" + b + ", c=" + c);
        }
        double sum = 1;
        double term = 1;
        int confirmed = 0;
        for (int n = 0; n < MAX_TERMS; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            term *= ratio;
            if (term == 0) {
                // a or b is a non-positive integer (the series is a polynomial), z = 0, or the terms underflowed.
                return sum;
            }
            sum += term;
            if (!Double.isFinite(sum)) {
                throw new ArithmeticException("2F1 series overflowed: a=" + a + ", b=" + b + ", c=" + c + ", z=" + z);
            }
            double rho = Math.max(Math.abs(ratio), Math.abs(z));
            double tailBound = rho < 1 ? Math.abs(term) * rho / (1 - rho) : Double.POSITIVE_INFINITY;
            if (tailBound <= RELATIVE_TOLERANCE * Math.abs(sum)) {
                if (++confirmed >= CONFIRMING_TERMS) {
                    return sum;
                }
            } else {
                confirmed = 0;
            }
        }
        throw new ArithmeticException("2F1 series did not converge in " + MAX_TERMS + " terms: a=" + a + ", b=" + b
                + ", c=" + c + ", z=" + z);
    }
}
