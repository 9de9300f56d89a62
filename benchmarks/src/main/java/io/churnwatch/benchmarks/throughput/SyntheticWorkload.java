package io.churnwatch.benchmarks.throughput;

import io.churnwatch.producers.source.OrderSource;
import io.churnwatch.producers.synthetic.SyntheticConfig;
import io.churnwatch.producers.synthetic.SyntheticOrderSource;

/**
 * A synthetic year of orders with a given number of customers and about a given number of orders, so that every
 * scale runs about as long. The producers' generator is used as it is, with two knobs turned: the purchase rate
 * (to reach the order count) and the dropout after a purchase (almost none, so that the rate alone decides).
 * Every customer joins, with a first purchase, at a uniformly random time in the year.
 */
public final class SyntheticWorkload {

    /** Customers of the pilot run that measures orders per customer at a known rate. */
    private static final int PILOT_CUSTOMERS = 2_000;
    private static final double PILOT_RATE = 12.0;

    private SyntheticWorkload() {
    }

    /** The generator's settings for {@code customers} customers and about {@code targetOrders} orders. */
    public static SyntheticConfig config(long customers, long targetOrders, long seed) {
        double perCustomer = targetOrders / (double) customers;
        // Orders per customer grow linearly with the rate: a base (the joining purchase and its returns) plus a
        // slope. Two small pilot runs measure both, which keeps seasonality and returns out of the arithmetic.
        double base = ordersPerCustomer(withRate(SyntheticConfig.defaults(), 1e-6, seed).withCustomers(PILOT_CUSTOMERS));
        double atPilot = ordersPerCustomer(withRate(SyntheticConfig.defaults(), PILOT_RATE, seed)
                .withCustomers(PILOT_CUSTOMERS));
        double rate = Math.max(1e-6, (perCustomer - base) / (atPilot - base) * PILOT_RATE);
        return withRate(SyntheticConfig.defaults(), rate, seed).withCustomers(customers);
    }

    public static OrderSource source(SyntheticConfig config) {
        return new SyntheticOrderSource(config);
    }

    private static double ordersPerCustomer(SyntheticConfig config) {
        long orders = 0;
        try (SyntheticOrderSource source = new SyntheticOrderSource(config)) {
            while (source.hasNext()) {
                source.next();
                orders++;
            }
        }
        return orders / (double) config.customers();
    }

    private static SyntheticConfig withRate(SyntheticConfig c, double purchasesPerYear, long seed) {
        return new SyntheticConfig(c.customers(), c.start(), c.days(), seed, c.zone(), purchasesPerYear, c.rateShape(),
                0.01, 99.99, c.heavyShare(), c.heavyRateFactor(), c.heavyDropoutFactor(), c.returnA(), c.returnB(),
                c.meanReturnDelayDays(), c.seasonPeak(), c.skus(), c.skuPopularityExponent(), c.meanBasketLines(),
                c.medianPricePence());
    }
}
