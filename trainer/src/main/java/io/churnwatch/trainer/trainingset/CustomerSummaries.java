package io.churnwatch.trainer.trainingset;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.trainer.value.RfmSummary;
import io.churnwatch.trainer.value.SpendSummary;
import java.time.Instant;

/**
 * A customer's features as the value models see them, in days: {@code x = orders - 1}, {@code t_x = last - first
 * purchase}, {@code T = asOf - first purchase}. The trainer (at each cutoff) and the scorer (live) must use the
 * same mapping, so both call this class.
 */
public final class CustomerSummaries {

    private CustomerSummaries() {
    }

    /** The BG/NBD summary as of {@code asOf}; the customer must have a purchase at or before it. */
    public static RfmSummary rfm(CustomerFeatures features, Instant asOf) {
        Instant first = features.getFirstPurchaseTime();
        Instant last = features.getLastPurchaseTime();
        if (first == null || last == null || features.getOrders() < 1) {
            throw new IllegalArgumentException("customer " + features.getCustomerId() + " has no purchase as of "
                    + asOf);
        }
        double age = Math.max(0, Cutoffs.daysBetween(first, asOf));
        double repeat = features.getOrders() - 1;
        double recency = repeat == 0 ? 0 : Math.min(age, Math.max(0, Cutoffs.daysBetween(first, last)));
        return new RfmSummary(repeat, recency, age);
    }

    /**
     * The Gamma-Gamma summary: {@code x} repeat purchases and, for {@code m}, the mean value of all purchase orders
     * (the features keep the total, not the first order's value, so the first order is not taken out). A customer
     * whose orders had no value carries no spend information and is passed as {@code x = 0}.
     */
    public static SpendSummary spend(CustomerFeatures features) {
        int orders = features.getOrders();
        double mean = orders > 0 ? (double) features.getGrossRevenueMinor() / orders : 0;
        double repeat = Math.max(0, orders - 1);
        return repeat > 0 && mean > 0 ? new SpendSummary(repeat, mean) : new SpendSummary(0, 0);
    }

    /** The mean order value used with {@link #spend}, in minor units (0 without orders). */
    public static double meanOrderValue(CustomerFeatures features) {
        return features.getOrders() > 0 ? (double) features.getGrossRevenueMinor() / features.getOrders() : 0;
    }
}
