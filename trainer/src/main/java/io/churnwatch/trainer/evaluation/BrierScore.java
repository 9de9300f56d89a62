package io.churnwatch.trainer.evaluation;

/** Mean squared difference between the predicted churn probability and the outcome (1 churned, 0 not). */
public final class BrierScore {

    private BrierScore() {
    }

    public static double of(double[] probabilities, boolean[] churned) {
        Probabilities.check(probabilities, churned);
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double error = probabilities[i] - (churned[i] ? 1 : 0);
            sum += error * error;
        }
        return sum / probabilities.length;
    }
}
