package io.churnwatch.trainer.churn;

/**
 * What early stopping found.
 *
 * @param bestRounds            rounds at which validation log-loss was lowest (1-based count of trees)
 * @param bestValidationAuc     validation ROC-AUC after those rounds
 * @param bestValidationLogLoss validation log-loss after those rounds
 * @param roundsRun             rounds actually boosted before stopping
 * @param validationAuc         validation ROC-AUC after each round run
 * @param validationLogLoss     validation log-loss after each round run
 */
public record EarlyStopping(int bestRounds, double bestValidationAuc, double bestValidationLogLoss, int roundsRun,
                            double[] validationAuc, double[] validationLogLoss) {
}
