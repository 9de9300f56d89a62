package io.churnwatch.trainer.evaluation;

/** Input checks for metrics that need probabilities rather than mere scores. */
final class Probabilities {

    private Probabilities() {
    }

    static void check(double[] probabilities, boolean[] churned) {
        if (probabilities.length != churned.length) {
            throw new IllegalArgumentException(probabilities.length + " probabilities but " + churned.length
                    + " outcomes");
        }
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("no probabilities to evaluate");
        }
        for (double p : probabilities) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities must lie in [0, 1], got " + p);
            }
        }
    }
}
