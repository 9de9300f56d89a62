package io.churnwatch.trainer.value;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a function of strictly positive parameters by Nelder-Mead on their logarithms, so the optimiser
 * can roam freely while every parameter it proposes stays positive.
 *
 * <p>Optionally within a box {@code lower <= parameter <= upper}: a proposal outside it is scored at its projection
 * onto the box, minus the squared log-distance to the box scaled by {@code 1 + |objective|}, so leaving the box never
 * pays and the simplex walks back to the boundary. A likelihood that keeps rising slowly towards infinity (a
 * flat ridge, as BG/NBD's is when the data show no drop-out heterogeneity) then stops at the boundary instead of
 * drifting to parameters of 1e7 and beyond; the result is always inside the box.
 *
 * <p>Nelder-Mead can stall on a shrunken simplex short of the optimum, so the search is restarted from the best
 * point with a fresh simplex until a restart no longer improves the objective.
 */
final class LogSpaceMaximizer {

    /** The best parameters found and the objective there. */
    record Maximum(double[] parameters, double value, int evaluations) {
    }

    private static final int MAX_RESTARTS = 12;
    private static final int MAX_EVALUATIONS_PER_RUN = 50_000;
    private static final double RESTART_IMPROVEMENT = 1e-9;
    private static final double INITIAL_STEP = 0.5;
    private static final double RESTART_STEP = 0.1;

    private LogSpaceMaximizer() {
    }

    /** Unbounded: any positive parameters. */
    static Maximum maximize(ToDoubleFunction<double[]> objective, double[] initialParameters) {
        double[] lower = new double[initialParameters.length];
        double[] upper = new double[initialParameters.length];
        // Far enough out that only an overflowing objective would get there, near enough that exp() stays finite.
        Arrays.fill(lower, 1e-300);
        Arrays.fill(upper, 1e300);
        return maximize(objective, initialParameters, lower, upper);
    }

    /** Within {@code lower[i] <= parameter i <= upper[i]}; the start is moved into the box if outside it. */
    static Maximum maximize(ToDoubleFunction<double[]> objective, double[] initialParameters, double[] lower,
                            double[] upper) {
        int n = initialParameters.length;
        if (lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("need one lower and one upper bound per parameter");
        }
        double[] logLower = new double[n];
        double[] logUpper = new double[n];
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            BgNbdParameters.requirePositive("initial parameter " + i, initialParameters[i]);
            BgNbdParameters.requirePositive("lower bound " + i, lower[i]);
            if (!(upper[i] >= lower[i]) || Double.isInfinite(upper[i])) {
                throw new IllegalArgumentException("bound " + i + " must satisfy lower <= upper < infinity, got ["
                        + lower[i] + ", " + upper[i] + "]");
            }
            logLower[i] = Math.log(lower[i]);
            logUpper[i] = Math.log(upper[i]);
            start[i] = clamp(Math.log(initialParameters[i]), logLower[i], logUpper[i]);
        }
        int[] evaluations = {0};
        ObjectiveFunction onLogScale = new ObjectiveFunction(theta -> {
            evaluations[0]++;
            double outside = 0;
            for (int i = 0; i < n; i++) {
                double inside = clamp(theta[i], logLower[i], logUpper[i]);
                outside += (theta[i] - inside) * (theta[i] - inside);
            }
            double value = objective.applyAsDouble(inBox(theta, lower, upper));
            // Parameters far out in the tails can make log-gamma terms overflow; treat them as "very bad".
            if (Double.isNaN(value) || value == Double.NEGATIVE_INFINITY) {
                return -Double.MAX_VALUE;
            }
            return value - outside * (1 + Math.abs(value));
        });
        double best = onLogScale.getObjectiveFunction().value(start);
        double[] bestPoint = start;
        SimplexOptimizer optimizer = new SimplexOptimizer(new SimpleValueChecker(1e-12, 1e-12));
        for (int run = 0; run < MAX_RESTARTS; run++) {
            PointValuePair found = optimizer.optimize(
                    new MaxEval(MAX_EVALUATIONS_PER_RUN),
                    onLogScale,
                    GoalType.MAXIMIZE,
                    new InitialGuess(bestPoint),
                    new NelderMeadSimplex(bestPoint.length, run == 0 ? INITIAL_STEP : RESTART_STEP));
            double improvement = found.getValue() - best;
            if (found.getValue() > best) {
                best = found.getValue();
                bestPoint = found.getPoint();
            }
            if (run > 0 && improvement <= RESTART_IMPROVEMENT * (1 + Math.abs(best))) {
                break;
            }
        }
        if (best == -Double.MAX_VALUE) {
            throw new IllegalStateException("the likelihood is not finite anywhere the optimiser looked");
        }
        double[] parameters = inBox(bestPoint, lower, upper);
        return new Maximum(parameters, objective.applyAsDouble(parameters), evaluations[0]);
    }

    /** exp(theta), projected onto the box (after exp, so that rounding in exp cannot step outside it). */
    private static double[] inBox(double[] theta, double[] lower, double[] upper) {
        double[] values = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            values[i] = clamp(Math.exp(theta[i]), lower[i], upper[i]);
        }
        return values;
    }

    private static double clamp(double value, double lo, double hi) {
        return Math.max(lo, Math.min(hi, value));
    }
}
