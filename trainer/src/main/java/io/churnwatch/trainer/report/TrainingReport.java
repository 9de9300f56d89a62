package io.churnwatch.trainer.report;

import io.churnwatch.trainer.evaluation.CalibrationBin;
import io.churnwatch.trainer.evaluation.ContenderMetrics;
import io.churnwatch.trainer.segments.SegmentProfile;
import java.util.List;
import java.util.Map;

/**
 * Everything a training run found, for people (rendered as markdown) and machines (JSON). Instants are ISO-8601
 * strings and cutoffs {@code yyyy-MM-dd} (UTC); money is in minor currency units.
 */
public record TrainingReport(
        long version,
        String createdAt,
        int horizonDays,
        Data data,
        Split split,
        List<CutoffRows> cutoffs,
        Map<String, Object> hyperparameters,
        String classWeighting,
        Stopping earlyStopping,
        List<ContenderMetrics> contenders,
        List<CalibrationBin> calibration,
        double expectedCalibrationError,
        Threshold threshold,
        List<FeatureImportance> featureImportance,
        List<SegmentProfile> segments,
        ValueModel valueModel,
        Promotion promotion,
        List<String> notes) {

    /** The xgboost contender's name in {@link #contenders}. */
    public static final String XGBOOST = "xgboost";
    public static final String RECENCY_RULE = "recency-rule";
    public static final String BGNBD_NO_PURCHASE = "bgnbd-no-purchase";
    public static final String LOGISTIC_REGRESSION = "logistic-regression";

    /** The snapshots the run saw. */
    public record Data(int snapshots, int snapshotCutoffs, int monthlyCutoffs, List<String> maturedCutoffs,
                       String latestSnapshot) {
    }

    /** The time split: cutoffs per role, row counts and churn rates. */
    public record Split(List<String> train, String validation, String test, List<String> refit, String rule,
                        long trainRows, double trainChurnRate, long validationRows, double validationChurnRate,
                        long refitRows, double refitChurnRate, long testRows, double testChurnRate) {
    }

    /** One cutoff's rows, and the snapshots left out there. */
    public record CutoffRows(String cutoff, List<String> roles, int rows, long churned, double churnRate,
                             int notYetCustomers, int missingPartner, int inconsistent) {
    }

    /** Early stopping on validation log-loss; ROC-AUC alongside. */
    public record Stopping(int bestRounds, double bestValidationAuc, double bestValidationLogLoss, int roundsRun,
                           double[] validationAucByRound, double[] validationLogLossByRound) {
    }

    /** The alert threshold, the campaign economics it was chosen under, and the expected profit it gives. */
    public record Threshold(double threshold, String rule, double saveRate, double contactCostMinor,
                            double incentiveShare, int alerted, int customers, double expectedProfitMinor,
                            String customerValue) {
    }

    /** Mean absolute SHAP contribution (log-odds) of a feature over test customers. */
    public record FeatureImportance(String feature, double meanAbsoluteContribution) {
    }

    /** The released value model (BG/NBD + Gamma-Gamma, days). */
    public record ValueModel(String fittedAt, int customers, double r, double alpha, double a, double b, double p,
                             double q, double gamma, int horizonDays) {
    }

    public record Promotion(boolean promoted, String note, double candidateAuc, Long currentVersion,
                            Double currentAuc, double tolerance) {
    }

    /** The metrics of one contender, if it was evaluated. */
    public java.util.Optional<ContenderMetrics> contender(String name) {
        return contenders.stream().filter(c -> c.contender().equals(name)).findFirst();
    }
}
