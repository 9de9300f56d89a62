package io.churnwatch.benchmarks.latency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;

/**
 * Live orders of a growing customer base: a share are first purchases by new customers, a few are returns, the
 * rest repeat purchases by a customer drawn uniformly from everyone seen so far. One to six lines of a gift
 * catalogue in which a few products sell far more than the rest (log-uniform rank), with shop prices rounded to
 * five pence and small, sometimes wholesale, quantities. Not thread-safe: one load thread owns it.
 */
public final class LiveOrderMix {

    private static final int CATALOGUE_SIZE = 4_000;
    private static final long MEDIAN_PRICE_PENCE = 250;
    private static final double PRICE_SIGMA = 0.8;
    private static final long PRICE_STEP_PENCE = 5;
    private static final int[] QUANTITIES = {1, 1, 1, 2, 2, 3, 4, 6, 6, 12, 12, 24, 48};

    /**
     * @param newCustomers share of orders that are a new customer's first purchase, in (0, 1]
     * @param returns      share of orders that are returns by known customers, in [0, 1)
     * @param seed         seed of every random choice
     */
    public record Shares(double newCustomers, double returns, long seed) {
        public Shares {
            if (!(newCustomers > 0 && newCustomers <= 1) || !(returns >= 0 && returns < 1)
                    || newCustomers + returns > 1) {
                throw new IllegalArgumentException("new-customer share must lie in (0, 1], return share in [0, 1), "
                        + "and together at most 1; got " + newCustomers + " and " + returns);
            }
        }
    }

    /** Why the order was sent: the first purchase of a new customer, a repeat purchase, or a return. */
    public enum Role { FIRST_PURCHASE, REPEAT_PURCHASE, RETURN }

    /** An order and its role. */
    public record Next(OrderEvent order, Role role) {
    }

    private final Shares shares;
    private final SplittableRandom random;
    private final long[] pricePence = new long[CATALOGUE_SIZE];
    private final List<String> customers = new ArrayList<>();
    private final String runTag;
    private long orders;

    /** {@code runTag} keeps the customer and order ids of two runs on one broker apart. */
    public LiveOrderMix(Shares shares, String runTag) {
        this.shares = shares;
        this.runTag = runTag;
        this.random = new SplittableRandom(shares.seed());
        for (int rank = 0; rank < CATALOGUE_SIZE; rank++) {
            double price = MEDIAN_PRICE_PENCE * Math.exp(PRICE_SIGMA * random.nextGaussian());
            pricePence[rank] = Math.max(PRICE_STEP_PENCE, Math.round(price / PRICE_STEP_PENCE) * PRICE_STEP_PENCE);
        }
    }

    /** The next order, at {@code eventTime}. */
    public Next next(Instant eventTime) {
        double draw = random.nextDouble();
        boolean newCustomer = customers.isEmpty() || draw < shares.newCustomers();
        String customerId;
        if (newCustomer) {
            customerId = runTag + "-c" + customers.size();
            customers.add(customerId);
        } else {
            customerId = customers.get(random.nextInt(customers.size()));
        }
        boolean isReturn = !newCustomer && draw >= 1 - shares.returns();
        long sequence = orders++;
        OrderEvent order = OrderEvent.newBuilder()
                .setOrderId(runTag + "-o" + sequence)
                .setCustomerId(customerId)
                .setEventTime(eventTime)
                .setKind(isReturn ? OrderKind.RETURN : OrderKind.PURCHASE)
                .setLines(isReturn ? lines(1 + random.nextInt(2), true) : lines(1 + random.nextInt(6), false))
                .setCurrency("GBP")
                .setCountry("United Kingdom")
                .build();
        return new Next(order, newCustomer ? Role.FIRST_PURCHASE : isReturn ? Role.RETURN : Role.REPEAT_PURCHASE);
    }

    /** Customers seen so far. */
    public int customers() {
        return customers.size();
    }

    private List<OrderLine> lines(int count, boolean isReturn) {
        List<OrderLine> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // Log-uniform rank: a product's share falls as 1/rank, as best-sellers do in a gift shop.
            int rank = (int) Math.min(CATALOGUE_SIZE - 1,
                    Math.floor(Math.pow(CATALOGUE_SIZE, random.nextDouble())) - 1);
            int quantity = isReturn ? 1 + random.nextInt(3) : QUANTITIES[random.nextInt(QUANTITIES.length)];
            lines.add(OrderLine.newBuilder()
                    .setSku(String.format("%05d", 20_000 + rank))
                    .setQuantity(quantity)
                    .setUnitPriceMinor(pricePence[rank])
                    .build());
        }
        return lines;
    }
}
