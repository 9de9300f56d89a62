package io.churnwatch.trainer.release;

import java.util.Locale;
import java.util.Optional;

/**
 * A candidate is promoted unless its ROC-AUC on the test cutoff is worse than the current release's model
 * re-scored on the same test cutoff (same customers, same labels) by more than a tolerance. Comparing with the
 * figures stored in the current release would compare different cutoffs, i.e. different customers and seasons.
 */
public final class PromotionGate {

    private final double tolerance;

    public PromotionGate(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        this.tolerance = tolerance;
    }

    /**
     * @param currentVersion the current release's version, empty on a first release
     * @param rescore        the current release's model on the candidate's test cutoff
     */
    public PromotionDecision decide(double candidateAuc, Optional<Long> currentVersion, Rescore rescore,
                                    String testCutoff) {
        if (currentVersion.isEmpty()) {
            return new PromotionDecision(true, "Promoted: first release, nothing to compare with.", candidateAuc,
                    null, null, tolerance);
        }
        long version = currentVersion.get();
        if (rescore.auc().isEmpty()) {
            return new PromotionDecision(true, String.format(Locale.ROOT, "Promoted without comparison: the current "
                    + "release v%d could not be re-scored on test cutoff %s (%s).", version, testCutoff,
                    rescore.problem()), candidateAuc, version, null, tolerance);
        }
        double currentAuc = rescore.auc().get();
        double shortfall = currentAuc - candidateAuc;
        if (shortfall > tolerance) {
            return new PromotionDecision(false, String.format(Locale.ROOT, "Not promoted: ROC-AUC %.4f on test cutoff "
                    + "%s is worse than the current release v%d re-scored on the same cutoff (%.4f) by %.4f, more than "
                    + "the tolerance %.4f. v%d stays current.", candidateAuc, testCutoff, version, currentAuc,
                    shortfall, tolerance, version), candidateAuc, version, currentAuc, tolerance);
        }
        return new PromotionDecision(true, String.format(Locale.ROOT, "Promoted: ROC-AUC %.4f on test cutoff %s "
                + "against %.4f for the current release v%d re-scored on the same cutoff (difference %+.4f, "
                + "tolerance %.4f).", candidateAuc, testCutoff, currentAuc, version, -shortfall, tolerance),
                candidateAuc, version, currentAuc, tolerance);
    }

    /** The current model's ROC-AUC on the candidate's test cutoff, or why there is none. */
    public record Rescore(Optional<Double> auc, String problem) {

        public static Rescore of(double auc) {
            return new Rescore(Optional.of(auc), null);
        }

        public static Rescore failed(String problem) {
            return new Rescore(Optional.empty(), problem);
        }
    }
}
