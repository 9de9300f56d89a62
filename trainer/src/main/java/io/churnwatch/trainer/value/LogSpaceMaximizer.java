package io.churnwatch.trainer.value;

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

    static Maximum maximize(ToDoubleFunction<double[]> objective, double[] initialParameters) {
        double[] start = new double[initialParameters.length];
        for (int i = 0; i < start.length; i++) {
            BgNbdParameters.requirePositive("initial parameter " + i, initialParameters[i]);
            start[i] = Math.log(initialParameters[i]);
        }
        int[] evaluations = {0};
        ObjectiveFunction onLogScale = new ObjectiveFunction(theta -> {
            evaluations[0]++;
            double value = objective.applyAsDouble(exp(theta));
            // Parameters far out in the tails can make log-gamma terms overflow; treat them as "very bad".
            return Double.isNaN(value) || value == Double.NEGATIVE_INFINITY ? -Double.MAX_VALUE : value;
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
        return new Maximum(exp(bestPoint), best, evaluations[0]);
    }

    private static double[] exp(double[] theta) {
        double[] values = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            values[i] = Math.exp(theta[i]);
        }
        return values;
    }
}
