package io.churnwatch.trainer.synthetic;

import io.churnwatch.schemas.CustomerFeatures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One customer's orders (simulated, or imported), and their features as of any instant, computed the way the
 * stream's feature calculator documents them (CustomerFeatures.avsc): only orders at or before the instant count.
 */
public final class SyntheticCustomer {

    private static final double DAY = 86_400_000.0;

    /** One order; for a return, {@code valueMinor} is the (positive) returned value. */
    public record Order(long time, boolean purchase, long valueMinor, int units, int[] skus) {
    }

    private final String id;
    private final List<Order> orders = new ArrayList<>();

    public SyntheticCustomer(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public void add(Order order) {
        orders.add(order);
    }

    public void sortOrders() {
        orders.sort((a, b) -> Long.compare(a.time(), b.time()));
    }

    public long lastOrder() {
        return orders.stream().mapToLong(Order::time).max().orElse(Long.MIN_VALUE);
    }

    public long firstPurchase() {
        return orders.stream().filter(Order::purchase).mapToLong(Order::time).min().orElse(Long.MAX_VALUE);
    }

    public CustomerFeatures featuresAsOf(long asOf) {
        int purchases = 0;
        int returns = 0;
        long gross = 0;
        long returned = 0;
        long units = 0;
        long first = -1;
        long last = -1;
        List<Long> purchaseTimes = new ArrayList<>();
        long[] revenue = new long[4];
        int[] count = new int[4];
        int[] windows = {30, 90, 180, 365};
        long revenuePrev90 = 0;
        int ordersPrev90 = 0;
        Set<Integer> products = new HashSet<>();
        for (Order order : orders) {
            if (order.time() > asOf) {
                break;
            }
            if (!order.purchase()) {
                returns++;
                returned += order.valueMinor();
                continue;
            }
            purchases++;
            gross += order.valueMinor();
            units += order.units();
            if (first < 0) {
                first = order.time();
            }
            last = order.time();
            purchaseTimes.add(order.time());
            double age = (asOf - order.time()) / DAY;
            for (int w = 0; w < windows.length; w++) {
                if (age < windows[w]) {
                    revenue[w] += order.valueMinor();
                    count[w]++;
                }
            }
            if (age >= 90 && age < 180) {
                revenuePrev90 += order.valueMinor();
                ordersPrev90++;
            }
            for (int sku : order.skus()) {
                products.add(sku);
            }
        }
        Double gapMean = null;
        Double gapStd = null;
        if (purchases >= 2) {
            double[] gaps = new double[purchases - 1];
            for (int i = 1; i < purchases; i++) {
                gaps[i - 1] = (purchaseTimes.get(i) - purchaseTimes.get(i - 1)) / DAY;
            }
            double mean = 0;
            for (double g : gaps) {
                mean += g / gaps.length;
            }
            gapMean = mean;
            if (purchases >= 3) {
                double variance = 0;
                for (double g : gaps) {
                    variance += (g - mean) * (g - mean) / (gaps.length - 1);
                }
                gapStd = Math.sqrt(variance);
            }
        }
        double trend = revenue[1] + revenuePrev90 == 0 ? 0
                : (double) (revenue[1] - revenuePrev90) / (revenue[1] + revenuePrev90);
        return CustomerFeatures.newBuilder()
                .setCustomerId(id)
                .setAsOf(Instant.ofEpochMilli(asOf))
                .setFirstPurchaseTime(first < 0 ? null : Instant.ofEpochMilli(first))
                .setLastPurchaseTime(last < 0 ? null : Instant.ofEpochMilli(last))
                .setRecencyDays(last < 0 ? null : (asOf - last) / DAY)
                .setTenureDays(first < 0 ? null : (asOf - first) / DAY)
                .setOrders(purchases)
                .setReturnOrders(returns)
                .setGrossRevenueMinor(gross)
                .setReturnedValueMinor(returned)
                .setReturnRateOrders(purchases + returns == 0 ? 0 : (double) returns / (purchases + returns))
                .setReturnRateValue(gross == 0 ? 0 : (double) returned / gross)
                .setAvgOrderValueMinor(purchases == 0 ? 0 : gross / purchases)
                .setItemsPerOrder(purchases == 0 ? 0 : (double) units / purchases)
                .setInterPurchaseDaysMean(gapMean)
                .setInterPurchaseDaysStd(gapStd)
                .setRevenue30dMinor(revenue[0])
                .setRevenue90dMinor(revenue[1])
                .setRevenue180dMinor(revenue[2])
                .setRevenue365dMinor(revenue[3])
                .setOrders30d(count[0])
                .setOrders90d(count[1])
                .setOrders180d(count[2])
                .setOrders365d(count[3])
                .setRevenuePrev90dMinor(revenuePrev90)
                .setOrdersPrev90d(ordersPrev90)
                .setRevenueTrend90d(trend)
                .setDistinctProducts(products.size())
                .setCountry("United Kingdom")
                .setCurrency("GBP")
                .build();
    }
}
