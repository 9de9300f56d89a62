package io.churnwatch.trainer.value;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The mean of a smooth, bounded function {@code h(p)} over {@code p ~ Beta(a, b)}, for any shapes: tiny ones (the
 * density piles up at 0 or 1), huge ones (a spike of width {@code ~1/sqrt(a+b)}), and everything between. This is
 * how BG/NBD averages over the unknown drop-out probability without the Gauss hypergeometric function, whose
 * series overflows once {@code a} and {@code b} run into the millions.
 *
 * <p>How: in the logit {@code y = log(p / (1 - p))} the Beta density is {@code sigma(y)^a sigma(-y)^b}: smooth,
 * log-concave, peaked at {@code y* = log(a / b)} with curvature {@code ab / (a + b)}, and with exponential tails
 * of rates {@code a} (left) and {@code b} (right). It is evaluated relative to its peak in a form that cancels the
 * huge terms exactly (see {@link Density#logRatio}), so it stays accurate when {@code a} and {@code b} are 1e8.
 * The core, where it is within {@code e^-80} of the peak, is integrated by adaptive Gauss-Kronrod; where that core
 * would reach {@code p} within {@link #FLAT} of 0 or 1 (tiny shapes), the remaining tail is integrated exactly,
 * taking {@code h} constant there, which the caller's {@code relativeSlope} bound makes exact to double precision.
 * The normalising constant is integrated with the same nodes rather than taken from {@code B(a, b)}, so its
 * rounding cancels in the ratio.
 */
final class BetaExpectation {

    /**
     * Where the density is this far (in log) below its peak, the core ends: e^-80 is about 1e-35, so what is left
     * out matters only for an h that varies by a factor above 1e20 over [0, 1].
     */
    private static final double CORE_LOG_DROP = 80;
    /** Tail widths at which h is taken to be constant: relative changes below this are beyond double precision. */
    private static final double FLAT = 1e-17;
    /** Above this both shapes give a spike narrower than 1e-7 in p: the mean is h at the spike (error ~ 1/(a+b)). */
    private static final double POINT_MASS_SHAPE = 1e15;
    /**
     * On |Kronrod - Gauss|, which overstates the Kronrod estimate's error by orders of magnitude for smooth
     * integrands: results agree with a 40-digit reference to 1e-9 and better (BgNbdExtremeParametersTest).
     */
    private static final double RELATIVE_TOLERANCE = 1e-10;
    private static final int MAX_INTERVALS = 400;

    private BetaExpectation() {
    }

    /**
     * @param h             the function to average; must accept p = 0 and p = 1 (as its limits there)
     * @param relativeSlope a bound on {@code |h'(p)| / |h(p)|} near p = 0 and p = 1, to size the flat tails
     */
    static double mean(double a, double b, DoubleUnaryOperator h, double relativeSlope) {
        BgNbdParameters.requirePositive("a", a);
        BgNbdParameters.requirePositive("b", b);
        if (a >= POINT_MASS_SHAPE && b >= POINT_MASS_SHAPE) {
            return h.applyAsDouble(a / (a + b));
        }
        Density density = new Density(a, b);
        double slope = Math.max(1, relativeSlope);
        // Beyond these, h is flat and the density is a pure power of p (resp. 1 - p) to double precision.
        double flatLeft = Math.log(FLAT / slope) - Math.log1p(b);
        double flatRight = -Math.log(FLAT / slope) + Math.log1p(a);
        double coreLeft = density.mode + density.cut(-1);
        double coreRight = density.mode + density.cut(+1);
        double lo = Math.max(coreLeft, flatLeft);
        double hi = Math.min(coreRight, flatRight);

        double numerator = 0;
        double mass = 0;
        if (lo < hi) {
            double[] core = AdaptiveKronrod.integrate(
                    y -> Math.exp(density.logRatio(y - density.mode)),
                    y -> h.applyAsDouble(logistic(y)),
                    breakpoints(lo, hi, density), RELATIVE_TOLERANCE, MAX_INTERVALS);
            numerator = core[0];
            mass = core[1];
        }
        if (coreLeft < flatLeft) {
            // The integral over y < flatLeft of sigma(y)^a sigma(-y)^b is e^(a flatLeft) / a there.
            double tail = Math.exp(a * flatLeft - Math.log(a) - density.logPeak);
            numerator += tail * h.applyAsDouble(0);
            mass += tail;
        }
        if (coreRight > flatRight) {
            double tail = Math.exp(-b * flatRight - Math.log(b) - density.logPeak);
            numerator += tail * h.applyAsDouble(1);
            mass += tail;
        }
        return numerator / mass;
    }

    /**
     * The Beta(a, b) density in the logit, {@code sigma(y)^a sigma(-y)^b}, measured against its value at the mode
     * {@code y* = log(a / b)}, where {@code p* = a / (a + b)}.
     */
    static final class Density {

        final double a;
        final double b;
        final double mode;
        /** p* = a / (a + b) and 1 - p* = b / (a + b), each computed directly so neither loses digits near 1. */
        final double peak;
        final double peakComplement;
        /** log of the density at the mode: a log p* + b log(1 - p*). */
        final double logPeak;

        Density(double a, double b) {
            this.a = a;
            this.b = b;
            this.mode = Math.log(a) - Math.log(b);
            this.peak = a / (a + b);
            this.peakComplement = b / (a + b);
            double logPeakP = peak <= 0.5 ? Math.log(peak) : Math.log1p(-peakComplement);
            double logPeakComplement = peakComplement <= 0.5 ? Math.log(peakComplement) : Math.log1p(-peak);
            this.logPeak = a * logPeakP + b * logPeakComplement;
        }

        /**
         * log of the density at {@code y* + delta} over that at {@code y*}:
         * {@code a delta - (a + b) log((1 + e^y) / (1 + e^y*))} with {@code (1 + e^y) / (1 + e^y*) =
         * 1 + p* Math.expm1(delta)}. The terms cancel to first order in delta without forming the huge
         * {@code a log p} and {@code b log(1 - p)}. When p* is above 1/2 the mirror image
         * {@code -b delta - (a + b) log(1 + (1 - p*) expm1(-delta))} is used, so the small one of p* and 1 - p*
         * is the one that multiplies (it has all its digits; the large one may have rounded to 1).
         */
        double logRatio(double delta) {
            double value = peak <= 0.5
                    ? a * delta - (a + b) * Math.log1p(peak * Math.expm1(delta))
                    : -b * delta - (a + b) * Math.log1p(peakComplement * Math.expm1(-delta));
            return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
        }

        /** The offset from the mode, on one side, where the log density has dropped by {@link #CORE_LOG_DROP}. */
        double cut(int side) {
            double inside = 0;
            double outside = side * Math.sqrt(1 / a + 1 / b);
            while (logRatio(outside) > -CORE_LOG_DROP) {
                inside = outside;
                outside *= 2;
            }
            // The log density is concave in delta, so bisection on the bracket is safe. The cut need not be exact
            // (it only bounds what is left out, by far less than the tolerance): 24 halvings pin it to 1e-7 of the
            // bracket.
            for (int i = 0; i < 24; i++) {
                double middle = (inside + outside) / 2;
                if (logRatio(middle) > -CORE_LOG_DROP) {
                    inside = middle;
                } else {
                    outside = middle;
                }
            }
            return outside;
        }
    }

    /**
     * Pieces to start from: the mode, then steps of 2, 8 and 32 standard deviations (of the Laplace approximation)
     * on each side, so a narrow spike is never stepped over and the wide tails start in a few wide pieces.
     */
    private static double[] breakpoints(double lo, double hi, Density density) {
        double width = Math.sqrt(1 / density.a + 1 / density.b);
        double[] offsets = {-32, -8, -2, 0, 2, 8, 32};
        double[] points = new double[offsets.length + 2];
        int n = 0;
        points[n++] = lo;
        for (double offset : offsets) {
            double point = density.mode + offset * width;
            if (point > lo && point < hi) {
                points[n++] = point;
            }
        }
        points[n++] = hi;
        return Arrays.copyOf(points, n);
    }

    private static double logistic(double y) {
        return y >= 0 ? 1 / (1 + Math.exp(-y)) : Math.exp(y) / (1 + Math.exp(y));
    }
}
