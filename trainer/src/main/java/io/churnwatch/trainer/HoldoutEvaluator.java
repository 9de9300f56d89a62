package io.churnwatch.trainer;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.trainer.churn.ChurnModel;
import io.churnwatch.trainer.churn.FeatureMatrix;
import io.churnwatch.trainer.churn.LabelledSet;
import io.churnwatch.trainer.churn.LogisticRegression;
import io.churnwatch.trainer.config.TrainingSettings;
import io.churnwatch.trainer.evaluation.CalibrationTable;
import io.churnwatch.trainer.evaluation.ContenderMetrics;
import io.churnwatch.trainer.evaluation.ThresholdChoice;
import io.churnwatch.trainer.evaluation.ThresholdChooser;
import io.churnwatch.trainer.report.TrainingReport;
import io.churnwatch.trainer.trainingset.CustomerSummaries;
import io.churnwatch.trainer.trainingset.Cutoffs;
import io.churnwatch.trainer.trainingset.LabelledRow;
import io.churnwatch.trainer.trainingset.PointInTimeValueModels;
import io.churnwatch.trainer.value.BgNbdModel;
import io.churnwatch.trainer.value.CustomerValueModel;
import io.churnwatch.trainer.value.RfmSummary;
import io.churnwatch.trainer.value.SpendSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Scores the test cutoff with every contender: the boosted model, the recency rule (days since the last purchase,
 * a ranking only), BG/NBD's probability of no purchase in the horizon (fitted on the test cutoff's own snapshots,
 * i.e. on the past only), and optionally a logistic regression refitted on the same rows as the boosted model.
 * Then chooses the alert threshold and measures which features drive the model.
 */
final class HoldoutEvaluator {

    private static final double LOGISTIC_L2 = 1.0;
    /** Above this share of customers alerted, the report points at the threshold economics. */
    private static final double MANY_ALERTED = 0.5;

    private final TrainingSettings settings;

    HoldoutEvaluator(TrainingSettings settings) {
        this.settings = settings;
    }

    HoldoutEvaluation evaluate(ChurnModel model, LabelledSet test, LabelledSet refit, PointInTimeValueModels values,
                               Instant testCutoff) {
        List<String> notes = new ArrayList<>();
        boolean[] churned = test.matrix().churned();
        double[] xgboost = model.probabilities(test.matrix());
        BgNbdModel bgNbd = values.purchasesAt(testCutoff).orElseThrow();
        int horizon = settings.horizonDays();

        List<ContenderMetrics> contenders = new ArrayList<>();
        contenders.add(ContenderMetrics.ofProbabilities(TrainingReport.XGBOOST, xgboost, churned));
        contenders.add(ContenderMetrics.ofScores(TrainingReport.RECENCY_RULE, recency(test.rows()), churned));
        contenders.add(ContenderMetrics.ofProbabilities(TrainingReport.BGNBD_NO_PURCHASE,
                noPurchase(test.rows(), bgNbd, testCutoff, horizon), churned));
        if (settings.logisticBaseline()) {
            LogisticRegression logistic = LogisticRegression.fit(refit.matrix(), LOGISTIC_L2);
            contenders.add(ContenderMetrics.ofProbabilities(TrainingReport.LOGISTIC_REGRESSION,
                    logistic.probabilities(test.matrix()), churned));
        }

        CustomerValues customerValues = customerValues(test.rows(), values, bgNbd, testCutoff, notes);
        ThresholdChoice threshold = new ThresholdChooser(settings.saveRate(), settings.contactCostMinor(),
                settings.incentiveShare()).choose(xgboost, customerValues.values());
        double alertedShare = (double) threshold.customersAlerted() / xgboost.length;
        if (alertedShare > MANY_ALERTED) {
            notes.add(String.format(Locale.ROOT, "The threshold alerts %.0f%% of the test customers: with a save rate "
                    + "of %s, an offer costing %s of a customer's value and a contact cost of %s minor units, "
                    + "contacting most customers pays on expectation. If that is not the intent, raise the offer's "
                    + "cost (CHURNWATCH_INCENTIVE_SHARE) or the contact cost (CHURNWATCH_CONTACT_COST_MINOR), or "
                    + "lower the save rate (CHURNWATCH_SAVE_RATE).", 100 * alertedShare, settings.saveRate(),
                    settings.incentiveShare(), settings.contactCostMinor()));
        }
        return new HoldoutEvaluation(xgboost, contenders, CalibrationTable.deciles(xgboost, churned), threshold,
                customerValues.description(), importance(model, test.matrix()), notes);
    }

    private static double[] recency(List<LabelledRow> rows) {
        return rows.stream().mapToDouble(r -> r.features().getRecencyDays() == null ? 0 : r.features().getRecencyDays())
                .toArray();
    }

    private static double[] noPurchase(List<LabelledRow> rows, BgNbdModel bgNbd, Instant cutoff, int horizon) {
        double[] p = new double[rows.size()];
        for (int i = 0; i < p.length; i++) {
            RfmSummary rfm = CustomerSummaries.rfm(rows.get(i).features(), cutoff);
            p[i] = bgNbd.probabilityNoPurchase(horizon, rfm.frequency(), rfm.recency(), rfm.age());
        }
        return p;
    }

    private record CustomerValues(double[] values, String description) {
    }

    /**
     * Expected revenue over the horizon per test customer: BG/NBD expected purchases times Gamma-Gamma expected
     * spend, both fitted at the test cutoff. Should Gamma-Gamma not fit there, the customer's own mean order value
     * stands in for the expected spend, and a note says so.
     */
    private CustomerValues customerValues(List<LabelledRow> rows, PointInTimeValueModels values, BgNbdModel bgNbd,
                                          Instant cutoff, List<String> notes) {
        int horizon = settings.horizonDays();
        CustomerValueModel valueModel = null;
        try {
            valueModel = values.valueAt(cutoff);
            valueModel.spend().parameters().populationMeanSpend();
        } catch (RuntimeException e) {
            notes.add("Gamma-Gamma could not be fitted at the test cutoff (" + e.getMessage() + "): customer value "
                    + "for the threshold uses each customer's mean order value instead.");
            valueModel = null;
        }
        double[] result = new double[rows.size()];
        for (int i = 0; i < result.length; i++) {
            CustomerFeatures features = rows.get(i).features();
            RfmSummary rfm = CustomerSummaries.rfm(features, cutoff);
            double purchases = bgNbd.expectedPurchases(horizon, rfm.frequency(), rfm.recency(), rfm.age());
            double spend;
            if (valueModel != null) {
                SpendSummary summary = CustomerSummaries.spend(features);
                spend = valueModel.spend().conditionalExpectedValue(summary.frequency(), summary.meanRepeatValue());
            } else {
                spend = CustomerSummaries.meanOrderValue(features);
            }
            result[i] = purchases * spend;
        }
        String description = String.format(Locale.ROOT, "expected revenue over the next %d days in minor units: "
                + "BG/NBD expected purchases x %s, fitted on the snapshots of the test cutoff %s", horizon,
                valueModel != null ? "Gamma-Gamma expected spend per order" : "the customer's mean order value",
                Cutoffs.date(cutoff));
        return new CustomerValues(result, description);
    }

    /** Mean |SHAP| per feature over an evenly spaced sample of test customers, largest first. */
    private List<TrainingReport.FeatureImportance> importance(ChurnModel model, FeatureMatrix test) {
        int sample = Math.min(test.rows(), settings.shapSample());
        int width = test.columns();
        float[] values = new float[sample * width];
        for (int k = 0; k < sample; k++) {
            int row = (int) ((long) k * test.rows() / sample);
            System.arraycopy(test.values(), row * width, values, k * width, width);
        }
        float[][] contributions = model.contributions(new FeatureMatrix(values, sample, test.featureNames(), null));
        double[] meanAbsolute = new double[width];
        for (float[] row : contributions) {
            for (int j = 0; j < width; j++) {
                meanAbsolute[j] += Math.abs(row[j]) / sample;
            }
        }
        List<TrainingReport.FeatureImportance> importance = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            importance.add(new TrainingReport.FeatureImportance(test.featureNames().get(j), meanAbsolute[j]));
        }
        importance.sort(Comparator.comparingDouble(TrainingReport.FeatureImportance::meanAbsoluteContribution)
                .reversed());
        return List.copyOf(importance);
    }
}
