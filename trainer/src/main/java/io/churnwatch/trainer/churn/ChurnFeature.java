package io.churnwatch.trainer.churn;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.trainer.trainingset.Cutoffs;
import java.util.function.ToDoubleFunction;

/**
 * The churn model's features, each known at the scoring instant: the numeric customer features (computed from
 * events at or before it), the point-in-time BG/NBD outputs, and the calendar month. Missing values are NaN, which
 * XGBoost treats as missing (a learned default direction at every split).
 *
 * <p>Country and currency are left out: categorical, and for most retailers nearly constant. Absolute time is left
 * out on purpose: a tree cannot extrapolate it to a future cutoff; only the month (seasonality) is kept.
 */
public enum ChurnFeature {
    RECENCY_DAYS("recency_days", c -> orNaN(c.features().getRecencyDays())),
    TENURE_DAYS("tenure_days", c -> orNaN(c.features().getTenureDays())),
    ORDERS("orders", c -> c.features().getOrders()),
    RETURN_ORDERS("return_orders", c -> c.features().getReturnOrders()),
    GROSS_REVENUE("gross_revenue_minor", c -> c.features().getGrossRevenueMinor()),
    RETURNED_VALUE("returned_value_minor", c -> c.features().getReturnedValueMinor()),
    RETURN_RATE_ORDERS("return_rate_orders", c -> c.features().getReturnRateOrders()),
    RETURN_RATE_VALUE("return_rate_value", c -> c.features().getReturnRateValue()),
    AVG_ORDER_VALUE("avg_order_value_minor", c -> c.features().getAvgOrderValueMinor()),
    ITEMS_PER_ORDER("items_per_order", c -> c.features().getItemsPerOrder()),
    GAP_MEAN("inter_purchase_days_mean", c -> orNaN(c.features().getInterPurchaseDaysMean())),
    GAP_STD("inter_purchase_days_std", c -> orNaN(c.features().getInterPurchaseDaysStd())),
    RECENCY_OVER_GAP("recency_over_mean_gap", c -> recencyOverGap(c.features())),
    REVENUE_30D("revenue_30d_minor", c -> c.features().getRevenue30dMinor()),
    REVENUE_90D("revenue_90d_minor", c -> c.features().getRevenue90dMinor()),
    REVENUE_180D("revenue_180d_minor", c -> c.features().getRevenue180dMinor()),
    REVENUE_365D("revenue_365d_minor", c -> c.features().getRevenue365dMinor()),
    ORDERS_30D("orders_30d", c -> c.features().getOrders30d()),
    ORDERS_90D("orders_90d", c -> c.features().getOrders90d()),
    ORDERS_180D("orders_180d", c -> c.features().getOrders180d()),
    ORDERS_365D("orders_365d", c -> c.features().getOrders365d()),
    REVENUE_PREV_90D("revenue_prev_90d_minor", c -> c.features().getRevenuePrev90dMinor()),
    ORDERS_PREV_90D("orders_prev_90d", c -> c.features().getOrdersPrev90d()),
    REVENUE_TREND_90D("revenue_trend_90d", c -> c.features().getRevenueTrend90d()),
    DISTINCT_PRODUCTS("distinct_products", c -> c.features().getDistinctProducts()),
    BGNBD_NO_PURCHASE("bgnbd_p_no_purchase_h", FeatureContext::bgNbdNoPurchase),
    BGNBD_EXPECTED_PURCHASES("bgnbd_expected_purchases_h", FeatureContext::bgNbdExpectedPurchases),
    BGNBD_ALIVE("bgnbd_p_alive", FeatureContext::bgNbdAlive),
    MONTH("month", c -> Cutoffs.month(c.asOf()));

    private final String featureName;
    private final ToDoubleFunction<FeatureContext> extractor;

    ChurnFeature(String featureName, ToDoubleFunction<FeatureContext> extractor) {
        this.featureName = featureName;
        this.extractor = extractor;
    }

    /** The name in a release's {@code featureNames} and in reasons. */
    public String featureName() {
        return featureName;
    }

    public double valueOf(FeatureContext context) {
        return extractor.applyAsDouble(context);
    }

    /** The feature called {@code name}, or null when this version does not know it. */
    public static ChurnFeature byName(String name) {
        for (ChurnFeature feature : values()) {
            if (feature.featureName.equals(name)) {
                return feature;
            }
        }
        return null;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    /** How overdue the customer is against their own rhythm; missing below two purchases. */
    private static double recencyOverGap(CustomerFeatures features) {
        Double gap = features.getInterPurchaseDaysMean();
        Double recency = features.getRecencyDays();
        if (gap == null || recency == null || !(gap > 0)) {
            return Double.NaN;
        }
        return recency / gap;
    }
}
