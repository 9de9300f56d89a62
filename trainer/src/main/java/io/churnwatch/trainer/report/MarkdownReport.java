package io.churnwatch.trainer.report;

import io.churnwatch.trainer.evaluation.CalibrationBin;
import io.churnwatch.trainer.evaluation.ContenderMetrics;
import io.churnwatch.trainer.segments.SegmentProfile;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link TrainingReport} as markdown for people. */
public final class MarkdownReport {

    private static final int TOP_FEATURES = 15;

    private MarkdownReport() {
    }

    public static String render(TrainingReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# Training report: release v").append(r.version()).append("\n\n");
        md.append("Created ").append(r.createdAt()).append(". Churn = no purchase order in the ")
                .append(r.horizonDays()).append(" days after a cutoff (returns do not count).\n\n");
        md.append("**").append(r.promotion().promoted() ? "Promoted" : "Not promoted").append(".** ")
                .append(r.promotion().note()).append("\n\n");

        md.append("## Contenders on the test cutoff ").append(r.split().test()).append("\n\n");
        md.append(String.format(Locale.ROOT, "%d customers, churn rate %.3f. Brier only for contenders that output "
                + "probabilities.%n%n", r.split().testRows(), r.split().testChurnRate()));
        md.append("| contender | ROC-AUC | PR-AUC | lift top 10% | Brier |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (ContenderMetrics c : r.contenders()) {
            md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.3f | %s |%n", c.contender(), c.rocAuc(),
                    c.prAuc(), c.liftTop10(), c.brier() == null ? "-" : String.format(Locale.ROOT, "%.4f", c.brier())));
        }
        if (r.promotion().currentAuc() != null) {
            md.append(String.format(Locale.ROOT, "| current release v%d (re-scored) | %.4f | | | |%n",
                    r.promotion().currentVersion(), r.promotion().currentAuc()));
        }

        md.append("\n## Time split (with embargo)\n\n").append(r.split().rule()).append("\n\n");
        md.append(String.format(Locale.ROOT, "| set | rows | churn rate |%n| --- | ---: | ---: |%n"
                        + "| train | %d | %.3f |%n| validation | %d | %.3f |%n| refit (released model) | %d | %.3f |%n"
                        + "| test | %d | %.3f |%n%n", r.split().trainRows(), r.split().trainChurnRate(),
                r.split().validationRows(), r.split().validationChurnRate(), r.split().refitRows(),
                r.split().refitChurnRate(), r.split().testRows(), r.split().testChurnRate()));
        md.append("| cutoff | roles | rows | churned | churn rate | no first purchase yet | no label snapshot "
                + "| inconsistent |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (TrainingReport.CutoffRows c : r.cutoffs()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.3f | %d | %d | %d |%n", c.cutoff(),
                    String.join(", ", c.roles()), c.rows(), c.churned(), c.churnRate(), c.notYetCustomers(),
                    c.missingPartner(), c.inconsistent()));
        }
        md.append(String.format(Locale.ROOT, "%nSnapshots read: %d at %d instants (%d monthly cutoffs, matured: %s); "
                        + "latest snapshot %s.%n", r.data().snapshots(), r.data().snapshotCutoffs(),
                r.data().monthlyCutoffs(), r.data().maturedCutoffs(), r.data().latestSnapshot()));

        md.append("\n## Boosting\n\n");
        md.append(String.format(Locale.ROOT, "Early stopping on validation log-loss: lowest %.4f (ROC-AUC %.4f) after "
                        + "%d rounds (%d run). The released model is refitted with %d rounds.%n%n",
                r.earlyStopping().bestValidationLogLoss(), r.earlyStopping().bestValidationAuc(),
                r.earlyStopping().bestRounds(), r.earlyStopping().roundsRun(), r.earlyStopping().bestRounds()));
        md.append("Class weighting: ").append(r.classWeighting()).append("\n\nHyperparameters:\n\n");
        for (Map.Entry<String, Object> e : r.hyperparameters().entrySet()) {
            md.append("- `").append(e.getKey()).append("` = ").append(e.getValue()).append("\n");
        }

        md.append("\n## Calibration of xgboost on the test cutoff\n\n");
        md.append(String.format(Locale.ROOT, "Expected calibration error %.4f.%n%n", r.expectedCalibrationError()));
        md.append("| bin | customers | predicted (min-max) | mean predicted | observed |\n"
                + "| ---: | ---: | --- | ---: | ---: |\n");
        for (CalibrationBin b : r.calibration()) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %.3f-%.3f | %.3f | %.3f |%n", b.bin(), b.count(),
                    b.minPredicted(), b.maxPredicted(), b.meanPredicted(), b.observedRate()));
        }

        md.append("\n## Alert threshold\n\n");
        md.append(String.format(Locale.ROOT, "**%.4f**: %d of %d test customers alerted (%.1f%%), expected campaign "
                        + "profit %.0f (minor units).%n%n%s%n", r.threshold().threshold(), r.threshold().alerted(),
                r.threshold().customers(), 100.0 * r.threshold().alerted() / Math.max(1, r.threshold().customers()),
                r.threshold().expectedProfitMinor(), r.threshold().rule()));

        md.append("\n## What drives the model (mean |SHAP|, log-odds, test customers)\n\n| feature | mean abs. "
                + "contribution |\n| --- | ---: |\n");
        List<TrainingReport.FeatureImportance> features = r.featureImportance();
        for (TrainingReport.FeatureImportance f : features.subList(0, Math.min(TOP_FEATURES, features.size()))) {
            md.append(String.format(Locale.ROOT, "| %s | %.4f |%n", f.feature(), f.meanAbsoluteContribution()));
        }

        md.append("\n## Segments (test cutoff)\n\n| segment | customers | share | median recency (days) | median "
                + "orders | median net revenue | median return rate |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (SegmentProfile s : r.segments()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.1f | %.1f | %.2f | %.3f |%n", s.name(), s.size(),
                    s.share(), s.medianRecencyDays(), s.medianFrequency(), s.medianMonetary(), s.medianReturnRate()));
        }

        TrainingReport.ValueModel v = r.valueModel();
        md.append(String.format(Locale.ROOT, "%n## Value model%n%nFitted on the %d customers of %s (days; money in "
                        + "minor units). BG/NBD r = %.4g, alpha = %.4g, a = %.4g, b = %.4g; Gamma-Gamma p = %.4g, "
                        + "q = %.4g, gamma = %.4g; horizon %d days.%n", v.customers(), v.fittedAt(), v.r(), v.alpha(),
                v.a(), v.b(), v.p(), v.q(), v.gamma(), v.horizonDays()));

        if (!r.notes().isEmpty()) {
            md.append("\n## Notes\n\n");
            r.notes().forEach(n -> md.append("- ").append(n).append("\n"));
        }
        return md.toString();
    }
}
