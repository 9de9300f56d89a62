package io.churnwatch.trainer.evaluation;

/**
 * One row of a calibration table.
 *
 * @param bin           0 for the lowest predictions
 * @param count         customers in the bin
 * @param minPredicted  lowest prediction in the bin
 * @param maxPredicted  highest prediction in the bin
 * @param meanPredicted mean predicted churn probability
 * @param observedRate  share of the bin's customers who churned
 */
public record CalibrationBin(int bin, long count, double minPredicted, double maxPredicted, double meanPredicted,
                             double observedRate) {
}
