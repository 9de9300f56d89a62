package io.churnwatch.trainer;

import io.churnwatch.trainer.churn.EarlyStopping;
import io.churnwatch.trainer.churn.LabelledSet;
import io.churnwatch.trainer.config.TrainingSettings;
import io.churnwatch.trainer.release.PromotionDecision;
import io.churnwatch.trainer.report.TrainingReport;
import io.churnwatch.trainer.segments.SegmentTraining;
import io.churnwatch.trainer.trainingset.Cutoffs;
import io.churnwatch.trainer.trainingset.LabelledCutoff;
import io.churnwatch.trainer.trainingset.SnapshotIndex;
import io.churnwatch.trainer.trainingset.TimeSplit;
import io.churnwatch.trainer.value.CustomerValueModel;
import io.churnwatch.trainer.value.ValueModelParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a run's results into its {@link TrainingReport}. */
final class ReportAssembler {

    /** What a run found, as the trainer hands it over. */
    record Facts(long version, Instant createdAt, SnapshotIndex index, TimeSplit split, Sets sets,
                 Map<Instant, String> skipped, EarlyStopping stopping, HoldoutEvaluation holdout, String thresholdRule,
                 PromotionDecision promotion, SegmentTraining segments, Instant valueCutoff, int valueCustomers,
                 CustomerValueModel valueModel) {
    }

    private final TrainingSettings settings;

    ReportAssembler(TrainingSettings settings) {
        this.settings = settings;
    }

    TrainingReport assemble(Facts facts) {
        int horizon = settings.horizonDays();
        SnapshotIndex index = facts.index();
        TimeSplit split = facts.split();
        Sets sets = facts.sets();
        TrainingReport.Data data = new TrainingReport.Data(index.size(), index.cutoffs().size(),
                index.monthlyCutoffs().size(), dates(index.maturedMonthlyCutoffs(horizon)),
                index.latest().map(Instant::toString).orElse(null));
        TrainingReport.Split splitSummary = new TrainingReport.Split(dates(split.train()),
                Cutoffs.date(split.validation()), Cutoffs.date(split.test()), dates(split.refit()), split.describe(),
                sets.train().rows().size(), sets.train().churnRate(), sets.validation().rows().size(),
                sets.validation().churnRate(), sets.refit().rows().size(), sets.refit().churnRate(),
                sets.test().rows().size(), sets.test().churnRate());
        EarlyStopping stopping = facts.stopping();
        HoldoutEvaluation holdout = facts.holdout();
        ValueModelParameters value = facts.valueModel().parameters();
        PromotionDecision promotion = facts.promotion();
        List<String> notes = new ArrayList<>(holdout.notes());
        facts.skipped().forEach((cutoff, reason) -> notes.add("Cutoff " + Cutoffs.date(cutoff) + " left out: " + reason));
        notes.add("Features at a cutoff use only that cutoff's snapshot and a BG/NBD model fitted on that cutoff's "
                + "snapshots; the label (no purchase order in the next " + horizon + " days, returns do not count) is "
                + "the only thing read from the snapshot at cutoff + " + horizon + " days.");
        notes.add("Segments are placed with trainingset.SegmentInputs and churn features built with "
                + "churn.FeatureVectorizer: a scorer must use the same two classes.");
        return new TrainingReport(
                facts.version(),
                facts.createdAt().toString(),
                horizon,
                data,
                splitSummary,
                cutoffRows(sets, split),
                settings.churnModel().describe(),
                classWeighting(sets.refit()),
                new TrainingReport.Stopping(stopping.bestRounds(), stopping.bestValidationAuc(),
                        stopping.bestValidationLogLoss(), stopping.roundsRun(), stopping.validationAuc(),
                        stopping.validationLogLoss()),
                holdout.contenders(),
                holdout.calibration().bins(),
                holdout.calibration().expectedCalibrationError(),
                new TrainingReport.Threshold(holdout.threshold().threshold(), facts.thresholdRule(),
                        settings.saveRate(), settings.contactCostMinor(), settings.incentiveShare(),
                        holdout.threshold().customersAlerted(), sets.test().rows().size(),
                        holdout.threshold().expectedProfit(), holdout.customerValue()),
                holdout.featureImportance(),
                facts.segments().profiles(),
                new TrainingReport.ValueModel(Cutoffs.date(facts.valueCutoff()), facts.valueCustomers(), value.r(),
                        value.alpha(), value.a(), value.b(), value.p(), value.q(), value.gamma(), horizon),
                new TrainingReport.Promotion(promotion.promoted(), promotion.note(), promotion.candidateAuc(),
                        promotion.currentVersion(), promotion.currentAuc(), promotion.tolerance()),
                notes);
    }

    private String classWeighting(LabelledSet refit) {
        double weight = settings.churnModel().scalePosWeight();
        String stated = String.format(Locale.ROOT, "scale_pos_weight = %s; churn rate on the refit rows %.3f. ",
                weight, refit.churnRate());
        if (weight == 1.0) {
            return stated + "No reweighting: churn is not a rare class here, and the threshold (expected campaign "
                    + "profit) and value at risk use the predicted probabilities as probabilities, which reweighting "
                    + "would distort.";
        }
        return stated + "Churned rows are reweighted: predicted probabilities are shifted by the weight and should "
                + "be read as scores.";
    }

    private static List<TrainingReport.CutoffRows> cutoffRows(Sets sets, TimeSplit split) {
        Map<Instant, List<String>> roles = new LinkedHashMap<>();
        split.refit().forEach(c -> roles.computeIfAbsent(c, k -> new ArrayList<>()).add("refit"));
        split.train().forEach(c -> roles.get(c).add("train"));
        roles.get(split.validation()).add("validation");
        roles.computeIfAbsent(split.test(), k -> new ArrayList<>()).add("test");
        Map<Instant, LabelledCutoff> labelled = new LinkedHashMap<>();
        sets.refit().cutoffs().forEach(c -> labelled.put(c.cutoff(), c));
        sets.test().cutoffs().forEach(c -> labelled.put(c.cutoff(), c));
        List<TrainingReport.CutoffRows> rows = new ArrayList<>();
        roles.forEach((cutoff, role) -> {
            LabelledCutoff c = labelled.get(cutoff);
            if (c != null) {
                rows.add(new TrainingReport.CutoffRows(Cutoffs.date(cutoff), List.copyOf(role), c.rows().size(),
                        c.churned(), c.churnRate(), c.notYetCustomers(), c.missingPartner(), c.inconsistent()));
            }
        });
        return rows;
    }

    private static List<String> dates(List<Instant> cutoffs) {
        return cutoffs.stream().map(Cutoffs::date).toList();
    }
}
