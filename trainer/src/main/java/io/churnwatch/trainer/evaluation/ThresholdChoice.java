package io.churnwatch.trainer.evaluation;

/**
 * The alert threshold and why.
 *
 * @param threshold        alert when the churn probability is at or above this
 * @param rule             how it was chosen, in words, for the release's {@code thresholdRule}
 * @param expectedProfit   the maximised objective (expected campaign profit) on the evaluation customers
 * @param customersAlerted how many of them it alerts on
 */
public record ThresholdChoice(double threshold, String rule, double expectedProfit, int customersAlerted) {
}
