package io.churnwatch.trainer.trainingset;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.trainer.segments.SegmentFeatures;

/**
 * A customer's features as segmentation sees them: recency, purchase orders, net revenue (gross minus returned,
 * never below zero, in major units) and the share of orders that were returns. The trainer and the scorer both
 * call this, so a customer lands in the same segment in both.
 */
public final class SegmentInputs {

    private SegmentInputs() {
    }

    public static SegmentFeatures of(CustomerFeatures features) {
        double recency = features.getRecencyDays() == null ? 0 : Math.max(0, features.getRecencyDays());
        double netRevenue = Math.max(0, features.getGrossRevenueMinor() - features.getReturnedValueMinor()) / 100.0;
        double returnRate = Math.min(1, Math.max(0, features.getReturnRateOrders()));
        return new SegmentFeatures(recency, features.getOrders(), netRevenue, returnRate);
    }
}
