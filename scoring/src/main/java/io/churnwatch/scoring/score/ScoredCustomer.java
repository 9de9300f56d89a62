package io.churnwatch.scoring.score;

import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.trainer.segments.SegmentFeatures;

/**
 * A customer's new score with what the alert and segment steps need besides it. Passed between processors of
 * one sub-topology only, so it is never serialised.
 *
 * @param score               the score as stored and published
 * @param previousProbability the churn probability of the customer's previous score; null when there was none
 * @param threshold           the release's alert threshold; null without a release
 * @param segmentInputs       the customer's segmentation inputs (recency, orders, net revenue, return rate)
 */
public record ScoredCustomer(CustomerScore score, Double previousProbability, Double threshold,
                             SegmentFeatures segmentInputs) {

    public String customerId() {
        return score.getCustomerId();
    }

    public boolean hasModel() {
        return score.getModelVersion() != null;
    }
}
