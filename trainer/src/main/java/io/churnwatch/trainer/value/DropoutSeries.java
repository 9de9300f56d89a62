package io.churnwatch.trainer.value;

/**
 * BG/NBD's expected purchases of a living customer, {@code E[Y(t) | alive]}, by the Gauss hypergeometric series
 * in a form that neither overflows nor cancels for the shapes a fit produces, and that says when it cannot be
 * trusted: a microsecond where {@link BetaExpectation}'s adaptive quadrature takes several, which matters because
 * the stream evaluates it twice for every order (a churn feature and the customer value).
 *
 * <p>Fader, Hardie &amp; Lee (2005) give {@code E = c/(a-1) [1 - (1-z)^(r+x) 2F1(r+x, b+x; c; z)]} with
 * {@code c = a+b+x-1} and {@code z = t/(alpha+T+t)}. Euler's transformation turns the bracket's product into
 * {@code (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z)}, whose terms no longer grow with the purchase count x; every term
 * after the first carries the factor {@code a-1}, so with {@code 2F1 = 1 + (a-1) S} and {@code u = (a-1) log(1-z)}:
 *
 * <pre>
 * E = c [ -log(1-z) expm1(u)/u  -  S e^u ],     S = sum over n >= 1 of (A)_n (a)_(n-1) / ((c)_n n!) z^n,  A = a+b-1-r
 * </pre>
 *
 * which has no singularity at {@code a = 1}. What is left is the difference in the bracket (about {@code (r+x)/c}
 * of its terms) and, for large {@code a}, terms that climb like {@code (1-z)^-a} before they fall: both show in
 * the rounding estimate, and {@link #expectedIfAlive} returns NaN where it exceeds {@link #RELATIVE_ERROR}, for the
 * caller to integrate instead.
 */
final class DropoutSeries {

    /** The accuracy the caller needs; the integral it falls back to is held to 1e-10 as well. */
    static final double RELATIVE_ERROR = 1e-10;
    private static final int MAX_TERMS = 20_000;
    private static final double EPSILON = 0x1p-52;
    /** Beyond this a term or sum is too near overflow to be worth pursuing. */
    private static final double HUGE = 1e250;

    private DropoutSeries() {
    }

    /**
     * @param scaledHorizon  t / (alpha + T), > 0
     * @return {@code E[Y(t) | alive]}, or NaN when the series cannot give it to {@link #RELATIVE_ERROR}
     */
    static double expectedIfAlive(double r, double a, double b, double x, double scaledHorizon) {
        double c = a + b + x - 1;
        if (!(c > 0.5)) {
            // c near 0 or below makes (c)_n pass through 0 or change sign: leave it to the integral.
            return Double.NaN;
        }
        double z = scaledHorizon / (1 + scaledHorizon);
        double logOneMinusZ = -Math.log1p(scaledHorizon);
        double u = (a - 1) * logOneMinusZ;
        double expm1OverU = u == 0 ? 1 : Math.expm1(u) / u;
        double bigA = a + b - 1 - r;

        double term = bigA * z / c;
        double sum = 0;
        // Term n went through about 3n roundings in the recurrence: its magnitude weighted by that bounds the error.
        double roundingWeight = 0;
        boolean converged = false;
        for (int n = 1; n <= MAX_TERMS; n++) {
            sum += term;
            roundingWeight += Math.abs(term) * (3 * n + 2);
            if (!(roundingWeight < HUGE)) {
                return Double.NaN;
            }
            double ratio = (bigA + n) * (a + n - 1) * z / ((c + n) * (n + 1));
            // Past n > -A every later ratio is positive; from where the ratio is below 1 the terms fall at least
            // geometrically with max(ratio, z), which bounds the tail.
            double bound = Math.max(Math.abs(ratio), z);
            if (n > -bigA && bound < 1
                    && Math.abs(term) * bound / (1 - bound) <= EPSILON * Math.abs(sum)) {
                converged = true;
                break;
            }
            term *= ratio;
        }
        if (!converged) {
            return Double.NaN;
        }
        double weight = Math.exp(u);
        double first = -logOneMinusZ * expm1OverU;
        double second = sum * weight;
        double bracket = first - second;
        // What the roundings of both parts add up to, against what is left of their difference; exp(u) and
        // expm1(u)/u carry a relative error of |u| ulps from u itself. A factor 2 for what this does not count.
        double rounding = 2 * EPSILON * (4 * first * (1 + Math.abs(u)) + roundingWeight * weight
                + Math.abs(second) * Math.abs(u));
        if (!(bracket > 0) || rounding > RELATIVE_ERROR * bracket) {
            return Double.NaN;
        }
        return c * bracket;
    }
}
