package io.churnwatch.trainer.synthetic;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.FeatureSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Hand-made snapshots for tests that need exact control over a few customers. */
public final class TestSnapshots {

    private TestSnapshots() {
    }

    public static Instant day(String isoDate) {
        return LocalDate.parse(isoDate).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * A snapshot of {@code customerId} at {@code cutoff} with {@code orders} purchases between {@code first} and
     * {@code last} and {@code returns} return orders; the other features follow from those plausibly.
     */
    public static FeatureSnapshot snapshot(String customerId, Instant cutoff, int orders, int returns, Instant first,
                                           Instant last) {
        double recency = (cutoff.toEpochMilli() - last.toEpochMilli()) / 86_400_000.0;
        double tenure = (cutoff.toEpochMilli() - first.toEpochMilli()) / 86_400_000.0;
        long gross = orders * 2_500L;
        CustomerFeatures features = CustomerFeatures.newBuilder()
                .setCustomerId(customerId)
                .setAsOf(cutoff)
                .setFirstPurchaseTime(first)
                .setLastPurchaseTime(last)
                .setRecencyDays(recency)
                .setTenureDays(tenure)
                .setOrders(orders)
                .setReturnOrders(returns)
                .setGrossRevenueMinor(gross)
                .setReturnedValueMinor(returns * 1_000L)
                .setReturnRateOrders(orders + returns == 0 ? 0 : (double) returns / (orders + returns))
                .setReturnRateValue(gross == 0 ? 0 : returns * 1_000.0 / gross)
                .setAvgOrderValueMinor(orders == 0 ? 0 : gross / orders)
                .setItemsPerOrder(3)
                .setInterPurchaseDaysMean(orders >= 2 ? (tenure - recency) / (orders - 1) : null)
                .setInterPurchaseDaysStd(orders >= 3 ? 2.0 : null)
                .setRevenue30dMinor(0).setRevenue90dMinor(0).setRevenue180dMinor(0).setRevenue365dMinor(gross)
                .setOrders30d(0).setOrders90d(0).setOrders180d(0).setOrders365d(orders)
                .setRevenuePrev90dMinor(0).setOrdersPrev90d(0).setRevenueTrend90d(0)
                .setDistinctProducts(orders * 2)
                .build();
        return FeatureSnapshot.newBuilder().setCustomerId(customerId).setCutoff(cutoff).setFeatures(features).build();
    }
}
