package io.churnwatch.streams.features;

import java.time.Instant;

import io.churnwatch.schemas.CustomerFeatures;

/**
 * Turns a customer's state into the {@link CustomerFeatures} record as of an instant. A pure function: the
 * same state and instant always give the same features.
 *
 * <p>Definitions (money in minor units, days are UTC calendar days, {@code d(t)} is the day of instant t):
 * <ul>
 *   <li>An N-day window ({@code revenue30dMinor}, {@code orders90d}, ...) is {@code (asOf - N days, asOf]} at
 *       day granularity: a purchase on day p counts when {@code d(asOf) - N < p <= d(asOf)}. The previous 90
 *       days ({@code revenuePrev90dMinor}, {@code ordersPrev90d}) are {@code d(asOf) - 180 < p <= d(asOf) - 90}.
 *       Windows count purchases only: revenue is gross purchase value, returns are not subtracted.</li>
 *   <li>{@code revenueTrend90d = (last90 - prev90) / (last90 + prev90)}, 0 when both are 0.</li>
 *   <li>{@code recencyDays = (asOf - lastPurchase) / 1 day}, {@code tenureDays = (asOf - firstPurchase) / 1 day}
 *       (fractional; null without a purchase).</li>
 *   <li>{@code returnRateOrders = returnOrders / (orders + returnOrders)};
 *       {@code returnRateValue = returnedValue / grossRevenue} (0 without revenue; it may exceed 1).</li>
 *   <li>{@code avgOrderValueMinor = round(grossRevenue / orders)}; {@code itemsPerOrder = units / orders}
 *       (0 without orders).</li>
 *   <li>Inter-purchase gaps are the days between consecutive purchase orders sorted by time (two orders at one
 *       instant make a gap of 0). Mean over the {@code orders - 1} gaps (null below two orders); standard
 *       deviation is the sample one ({@code n - 1} denominator) over the gaps, null below three orders.</li>
 *   <li>{@code distinctProducts}: exact up to 32 distinct SKUs, a HyperLogLog estimate above
 *       (see {@link DistinctProducts}).</li>
 *   <li>{@code country}, {@code currency}: of the newest event that has one, ties to the greatest value.</li>
 * </ul>
 */
public final class FeatureCalculator {

    private FeatureCalculator() {
    }

    /**
     * The features of {@code state} as of {@code asOfMillis}.
     *
     * @throws IllegalArgumentException when asOf is before the newest event in the state: the state cannot
     *     forget events, so features as of an earlier instant would not be what they claim to be
     */
    public static CustomerFeatures featuresAsOf(String customerId, CustomerState state, long asOfMillis) {
        if (asOfMillis < state.lastEventTime) {
            throw new IllegalArgumentException("features of customer " + customerId + " asked as of "
                    + Instant.ofEpochMilli(asOfMillis) + ", before its newest event at "
                    + Instant.ofEpochMilli(state.lastEventTime));
        }
        int orders = state.purchaseOrders;
        int asOfDay = CustomerState.dayOf(asOfMillis);
        DayBuckets buckets = state.buckets;
        long revenue90 = buckets.revenue(asOfDay - 90, asOfDay);
        long revenuePrev90 = buckets.revenue(asOfDay - 180, asOfDay - 90);

        CustomerFeatures.Builder features = CustomerFeatures.newBuilder()
                .setCustomerId(customerId)
                .setAsOf(Instant.ofEpochMilli(asOfMillis))
                .setOrders(orders)
                .setReturnOrders(state.returnOrders)
                .setGrossRevenueMinor(state.grossRevenueMinor)
                .setReturnedValueMinor(state.returnedValueMinor)
                .setReturnRateOrders(ratio(state.returnOrders, orders + state.returnOrders))
                .setReturnRateValue(ratio(state.returnedValueMinor, state.grossRevenueMinor))
                .setAvgOrderValueMinor(orders == 0 ? 0 : Math.round(state.grossRevenueMinor / (double) orders))
                .setItemsPerOrder(ratio(state.unitsPurchased, orders))
                .setRevenue30dMinor(buckets.revenue(asOfDay - 30, asOfDay))
                .setRevenue90dMinor(revenue90)
                .setRevenue180dMinor(buckets.revenue(asOfDay - 180, asOfDay))
                .setRevenue365dMinor(buckets.revenue(asOfDay - 365, asOfDay))
                .setOrders30d(buckets.orders(asOfDay - 30, asOfDay))
                .setOrders90d(buckets.orders(asOfDay - 90, asOfDay))
                .setOrders180d(buckets.orders(asOfDay - 180, asOfDay))
                .setOrders365d(buckets.orders(asOfDay - 365, asOfDay))
                .setRevenuePrev90dMinor(revenuePrev90)
                .setOrdersPrev90d(buckets.orders(asOfDay - 180, asOfDay - 90))
                .setRevenueTrend90d(trend(revenue90, revenuePrev90))
                .setDistinctProducts(state.products.count())
                .setCountry(state.country)
                .setCurrency(state.currency == null ? "GBP" : state.currency);
        if (orders > 0) {
            features.setFirstPurchaseTime(Instant.ofEpochMilli(state.firstPurchaseTime))
                    .setLastPurchaseTime(Instant.ofEpochMilli(state.lastPurchaseTime))
                    .setRecencyDays((asOfMillis - state.lastPurchaseTime) / (double) CustomerState.DAY_MS)
                    .setTenureDays((asOfMillis - state.firstPurchaseTime) / (double) CustomerState.DAY_MS);
        }
        if (orders >= 2) {
            features.setInterPurchaseDaysMean(state.meanGapDays());
        }
        if (orders >= 3) {
            features.setInterPurchaseDaysStd(gapStd(state));
        }
        return features.build();
    }

    private static double gapStd(CustomerState state) {
        int gaps = state.purchaseOrders - 1;
        double mean = state.meanGapDays();
        double variance = (state.sumSquaredGapDays - gaps * mean * mean) / (gaps - 1);
        return Math.sqrt(Math.max(0, variance));
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0 : numerator / denominator;
    }

    private static double trend(long last, long previous) {
        long total = last + previous;
        return total == 0 ? 0 : (last - previous) / (double) total;
    }
}
