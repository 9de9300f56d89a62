package io.churnwatch.trainer.value;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Adaptive 21-point Gauss-Kronrod quadrature of a weight {@code w(y)} and of {@code w(y) h(y)} together, on the same
 * nodes: callers that want a weighted mean divide the two, and rounding common to both cancels. The interval with
 * the largest error (|Kronrod - Gauss|, relative to the running totals) is halved until both integrals meet the
 * relative tolerance or the interval budget is spent; the budget ends the refinement, never the answer.
 */
final class AdaptiveKronrod {

    /** Kronrod nodes on [-1, 1] (non-negative half, QUADPACK qk21); the odd-indexed ones are the Gauss nodes. */
    static final double[] NODES = {
        0.995657163025808080735527280689003, 0.973906528517171720077964012084452,
        0.930157491355708226001207180059508, 0.865063366688984510732096688423493,
        0.780817726586416897063717578345042, 0.679409568299024406234327365114874,
        0.562757134668604683339000099272694, 0.433395394129247190799265943165784,
        0.294392862701460198131126603103866, 0.148874338981631210884826001129720,
        0.000000000000000000000000000000000,
    };
    static final double[] KRONROD_WEIGHTS = {
        0.011694638867371874278064396062192, 0.032558162307964727478818972459390,
        0.054755896574351996031381300244580, 0.075039674810919952767043140916190,
        0.093125454583697605535065465083366, 0.109387158802297641899210590325805,
        0.123491976262065851077600025530513, 0.134709217311473325928054001771707,
        0.142775938577060080797094273138717, 0.147739104901338491374841515972068,
        0.149445554002916905664936468389821,
    };
    /** Gauss 10-point weights, for NODES[1], NODES[3], ..., NODES[9]. */
    static final double[] GAUSS_WEIGHTS = {
        0.066671344308688137593568809893332, 0.149451349150580593145776339657697,
        0.219086362515982043995534934228163, 0.269266719309996355091226921569469,
        0.295524224714752870173892994651338,
    };

    private AdaptiveKronrod() {
    }

    /**
     * @param breakpoints ascending; the first pieces (refined further where needed)
     * @return {@code {integral of w h, integral of w}} over [breakpoints[0], breakpoints[last]]
     */
    static double[] integrate(DoubleUnaryOperator weight, DoubleUnaryOperator h, double[] breakpoints,
                              double relativeTolerance, int maxIntervals) {
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i + 1 < breakpoints.length; i++) {
            if (breakpoints[i + 1] > breakpoints[i]) {
                pieces.add(Piece.of(weight, h, breakpoints[i], breakpoints[i + 1]));
            }
        }
        while (true) {
            double value = 0;
            double valueError = 0;
            double mass = 0;
            double massError = 0;
            for (Piece piece : pieces) {
                value += piece.value;
                valueError += piece.valueError;
                mass += piece.mass;
                massError += piece.massError;
            }
            boolean converged = valueError <= relativeTolerance * Math.abs(value)
                    && massError <= relativeTolerance * Math.abs(mass);
            if (converged || pieces.size() >= maxIntervals) {
                return new double[] {value, mass};
            }
            int worst = worst(pieces, Math.abs(value), Math.abs(mass));
            Piece split = pieces.get(worst);
            double middle = (split.lo + split.hi) / 2;
            if (!(middle > split.lo && middle < split.hi)) {
                // The piece is one ulp wide: refining cannot help any more.
                return new double[] {value, mass};
            }
            pieces.set(worst, Piece.of(weight, h, split.lo, middle));
            pieces.add(Piece.of(weight, h, middle, split.hi));
        }
    }

    private static int worst(List<Piece> pieces, double value, double mass) {
        int worst = 0;
        double largest = -1;
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            double error = (value > 0 ? piece.valueError / value : 0) + (mass > 0 ? piece.massError / mass : 0);
            if (error > largest) {
                largest = error;
                worst = i;
            }
        }
        return worst;
    }

    /** One interval's Kronrod estimates of both integrals and their distances from the embedded Gauss rule. */
    private record Piece(double lo, double hi, double value, double valueError, double mass, double massError) {

        static Piece of(DoubleUnaryOperator weight, DoubleUnaryOperator h, double lo, double hi) {
            double center = (lo + hi) / 2;
            double half = (hi - lo) / 2;
            double kronrodValue = 0;
            double gaussValue = 0;
            double kronrodMass = 0;
            double gaussMass = 0;
            for (int i = 0; i < NODES.length; i++) {
                int sides = NODES[i] == 0 ? 1 : 2;
                for (int side = 0; side < sides; side++) {
                    double y = side == 0 ? center - half * NODES[i] : center + half * NODES[i];
                    double w = weight.applyAsDouble(y);
                    double wh = w == 0 ? 0 : w * h.applyAsDouble(y);
                    kronrodValue += KRONROD_WEIGHTS[i] * wh;
                    kronrodMass += KRONROD_WEIGHTS[i] * w;
                    if (i % 2 == 1) {
                        gaussValue += GAUSS_WEIGHTS[i / 2] * wh;
                        gaussMass += GAUSS_WEIGHTS[i / 2] * w;
                    }
                }
            }
            return new Piece(lo, hi, half * kronrodValue, half * Math.abs(kronrodValue - gaussValue),
                    half * kronrodMass, half * Math.abs(kronrodMass - gaussMass));
        }
    }
}
