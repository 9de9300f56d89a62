package io.churnwatch.trainer;

import io.churnwatch.trainer.evaluation.CalibrationTable;
import io.churnwatch.trainer.evaluation.ContenderMetrics;
import io.churnwatch.trainer.evaluation.ThresholdChoice;
import io.churnwatch.trainer.report.TrainingReport;
import java.util.List;

/**
 * Every contender on the test cutoff, and what follows from the boosted model's probabilities there.
 *
 * @param customerValue how the customer value behind the threshold was computed, in words
 */
record HoldoutEvaluation(double[] xgboostProbabilities, List<ContenderMetrics> contenders,
                         CalibrationTable calibration, ThresholdChoice threshold, String customerValue,
                         List<TrainingReport.FeatureImportance> featureImportance, List<String> notes) {

    ContenderMetrics xgboost() {
        return contenders.stream().filter(c -> c.contender().equals(TrainingReport.XGBOOST)).findFirst()
                .orElseThrow();
    }
}
