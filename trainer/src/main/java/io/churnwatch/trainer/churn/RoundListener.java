package io.churnwatch.trainer.churn;

/**
 * Hears about each boosting round; the validation figures are NaN when no validation set is watched (the refit).
 */
@FunctionalInterface
public interface RoundListener {

    RoundListener NONE = (round, maxRounds, validationAuc, validationLogLoss) -> { };

    void round(int round, int maxRounds, double validationAuc, double validationLogLoss);
}
