package io.churnwatch.producers.synthetic;

import io.churnwatch.producers.source.ImportSummary;
import io.churnwatch.producers.source.OrderSource;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Generates a synthetic order history (see {@link SyntheticConfig} for the model) in event-time order, one event
 * at a time. Each customer's next purchase waits in a primitive {@link EventHeap}; each customer's randomness is
 * its own stream, so the output depends only on the configuration. Memory is about 16 bytes per customer plus
 * the returns in flight; events are never held.
 */
public final class SyntheticOrderSource implements OrderSource {

    static final String CURRENCY = "GBP";
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long MIN_RETURN_DELAY_MILLIS = 3_600_000L;
    private static final long EVENT_STREAM = 0xe7e47L;
    private static final int[] QUANTITIES = {1, 2, 3, 4, 6, 12, 24};
    private static final double[] QUANTITY_CUMULATIVE = {0.25, 0.40, 0.48, 0.58, 0.76, 0.94, 1.0};

    private record PendingReturn(long time, int customer, String orderId, String customerId, String country,
                                 List<OrderLine> lines) {
    }

    private static final Comparator<PendingReturn> RETURN_ORDER = Comparator.comparingLong(PendingReturn::time)
            .thenComparingInt(PendingReturn::customer).thenComparing(PendingReturn::orderId);

    private final SyntheticConfig config;
    private final Seasonality seasonality;
    private final SkuCatalogue catalogue;
    private final long startMillis;
    private final long endMillis;
    private final long[] randomState;
    private final int[] purchasesSoFar;
    private final EventHeap purchases;
    private final PriorityQueue<PendingReturn> returns = new PriorityQueue<>(RETURN_ORDER);
    private final ImportSummary summary = new ImportSummary(false);
    private long customersSeen;
    private long lastTime;

    public SyntheticOrderSource(SyntheticConfig config) {
        this.config = config;
        this.seasonality = new Seasonality(config.start(), config.days(), config.zone(), config.seasonPeak());
        this.catalogue = new SkuCatalogue(config.skus(), config.skuPopularityExponent(), config.medianPricePence(),
                config.seed());
        this.startMillis = config.startMillis();
        this.endMillis = config.endMillis();
        this.lastTime = startMillis;
        int customers = (int) config.customers();
        this.randomState = new long[customers];
        this.purchasesSoFar = new int[customers];
        this.purchases = new EventHeap(customers);
        for (int i = 0; i < customers; i++) {
            randomState[i] = SplitMix64.forStream(config.seed(), EVENT_STREAM, i).state();
            purchases.add(CustomerProfile.of(config, i).joinMillis(), i);
        }
    }

    @Override
    public boolean hasNext() {
        return !purchases.isEmpty() || !returns.isEmpty();
    }

    @Override
    public OrderEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the synthetic history is complete");
        }
        boolean returnFirst = !returns.isEmpty()
                && (purchases.isEmpty() || returns.peek().time() < purchases.peekTime());
        OrderEvent event = returnFirst ? toEvent(returns.poll()) : nextPurchase();
        lastTime = event.getEventTime().toEpochMilli();
        summary.recordEmitted(event);
        summary.setCustomerCount(customersSeen);
        return event;
    }

    private OrderEvent nextPurchase() {
        long time = purchases.peekTime();
        int customer = purchases.peekCustomer();
        purchases.removeFirst();
        CustomerProfile profile = CustomerProfile.of(config, customer);
        SplitMix64 rng = new SplitMix64(randomState[customer]);
        int number = ++purchasesSoFar[customer];
        if (number == 1) {
            customersSeen++;
        }
        String customerId = profile.customerId();
        String orderId = customerId + "-" + number;
        List<OrderLine> lines = basket(rng, profile);
        if (Distributions.bernoulli(rng, profile.returnPropensity())) {
            scheduleReturn(rng, time, customer, orderId, customerId, profile.country(), lines);
        }
        if (!Distributions.bernoulli(rng, profile.dropout())) {
            long next = nextPurchaseTime(rng, profile.ratePerDay(), time);
            if (next < endMillis) {
                purchases.add(next, customer);
            }
        }
        randomState[customer] = rng.state();
        return new OrderEvent(orderId, customerId, Instant.ofEpochMilli(time), OrderKind.PURCHASE, lines, CURRENCY,
                profile.country());
    }

    /** The next arrival of a Poisson process whose rate follows the season, by thinning a constant-rate one. */
    private long nextPurchaseTime(SplitMix64 rng, double ratePerDay, long after) {
        double envelope = ratePerDay * seasonality.maxFactor();
        double time = after;
        while (true) {
            time += Distributions.exponential(rng, envelope) * DAY_MILLIS;
            if (time >= endMillis) {
                return endMillis;
            }
            if (rng.nextDouble() * seasonality.maxFactor() < seasonality.factor((long) time)) {
                return (long) time;
            }
        }
    }

    private List<OrderLine> basket(SplitMix64 rng, CustomerProfile profile) {
        int size = Math.min(catalogue.size(), 1 + Distributions.poisson(rng, profile.meanBasketLines() - 1));
        List<OrderLine> lines = new ArrayList<>(size);
        List<Integer> chosen = new ArrayList<>(size);
        for (int attempt = 0; lines.size() < size && attempt < size * 4; attempt++) {
            int sku = catalogue.pick(rng);
            if (chosen.contains(sku)) {
                continue; // a basket lists each product once
            }
            chosen.add(sku);
            lines.add(new OrderLine(catalogue.code(sku), null, quantity(rng), catalogue.pricePence(sku)));
        }
        return lines;
    }

    private static int quantity(SplitMix64 rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < QUANTITIES.length; i++) {
            if (u < QUANTITY_CUMULATIVE[i]) {
                return QUANTITIES[i];
            }
        }
        return QUANTITIES[QUANTITIES.length - 1];
    }

    /** Part of the basket comes back: one to three of its lines, each with part or all of its quantity. */
    private void scheduleReturn(SplitMix64 rng, long purchaseTime, int customer, String orderId, String customerId,
                                String country, List<OrderLine> bought) {
        long delay = Math.max(MIN_RETURN_DELAY_MILLIS,
                (long) (Distributions.exponential(rng, 1.0 / config.meanReturnDelayDays()) * DAY_MILLIS));
        long time = purchaseTime + delay;
        int count = 1 + rng.nextInt(Math.min(3, bought.size()));
        int first = rng.nextInt(bought.size());
        List<OrderLine> returned = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            OrderLine line = bought.get((first + k) % bought.size());
            int quantity = 1 + rng.nextInt(line.getQuantity());
            returned.add(new OrderLine(line.getSku(), null, quantity, line.getUnitPriceMinor()));
        }
        if (time < endMillis) {
            returns.add(new PendingReturn(time, customer, orderId + "-R", customerId, country, returned));
        }
    }

    private static OrderEvent toEvent(PendingReturn pending) {
        return new OrderEvent(pending.orderId(), pending.customerId(), Instant.ofEpochMilli(pending.time()),
                OrderKind.RETURN, pending.lines(), CURRENCY, pending.country());
    }

    /** Share of the date range covered so far. */
    @Override
    public double progress() {
        if (!hasNext()) {
            return 1.0;
        }
        return Math.max(0.0, Math.min(1.0, (double) (lastTime - startMillis) / (endMillis - startMillis)));
    }

    @Override
    public ImportSummary summary() {
        return summary;
    }

    public SyntheticConfig config() {
        return config;
    }

    @Override
    public void close() {
        // nothing to release: the generator holds no files
    }
}
