package io.churnwatch.scoring.score;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.scoring.release.LoadedRelease;
import io.churnwatch.trainer.trainingset.CustomerSummaries;
import io.churnwatch.trainer.value.RfmSummary;
import io.churnwatch.trainer.value.SpendSummary;

/**
 * BG/NBD expected purchases times Gamma-Gamma expected spend, from the release's parameters and the same
 * customer summaries the trainer fits on ({@link CustomerSummaries}), so the value here is the value the
 * release's threshold was chosen with.
 */
final class ValueEstimator {

    private ValueEstimator() {
    }

    static ValueEstimate estimate(LoadedRelease release, CustomerFeatures features, int horizonDays) {
        if (features.getFirstPurchaseTime() == null || features.getLastPurchaseTime() == null
                || features.getOrders() < 1) {
            return ValueEstimate.NONE;
        }
        RfmSummary rfm = CustomerSummaries.rfm(features, features.getAsOf());
        double purchases = release.valueModel().purchases().expectedPurchases(horizonDays, rfm.frequency(),
                rfm.recency(), rfm.age());
        double spend;
        if (release.spendModelUsable()) {
            SpendSummary summary = CustomerSummaries.spend(features);
            spend = release.valueModel().spend().conditionalExpectedValue(summary.frequency(),
                    summary.meanRepeatValue());
        } else {
            // Gamma-Gamma without a finite mean: the trainer falls back to the customer's own mean order value too.
            spend = CustomerSummaries.meanOrderValue(features);
        }
        double value = purchases * spend;
        if (!Double.isFinite(purchases) || !Double.isFinite(value)) {
            return ValueEstimate.NONE;
        }
        return new ValueEstimate(purchases, Math.round(value));
    }
}
