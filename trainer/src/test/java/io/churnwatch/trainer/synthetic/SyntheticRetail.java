package io.churnwatch.trainer.synthetic;

import io.churnwatch.schemas.FeatureSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Feature snapshots of a retailer whose customers follow a known process, emitted as the stream emits them:
 * every customer known at each monthly cutoff, and again at each label horizon {@code c + H} the stream has
 * passed.
 *
 * <p>The process is BG/NBD's with three additions the churn model can learn beyond BG/NBD: purchase rates rise in
 * the autumn (seasonality), a customer whose order was partly returned is 2.5 times as likely to drop out after it
 * (return behaviour), and order values and basket sizes vary per customer. Customers are acquired uniformly over
 * the year before the first cutoff and the whole observed span.
 */
public final class SyntheticRetail {

    private static final long DAY_MS = 86_400_000L;

    /**
     * @param customers      customers simulated
     * @param firstCutoff    the first monthly cutoff
     * @param monthlyCutoffs monthly cutoffs; the stream's event time ends at the last one
     * @param horizonDays    label horizon H
     */
    public record Settings(int customers, LocalDate firstCutoff, int monthlyCutoffs, int horizonDays, long seed) {

        public static Settings of(int customers, int monthlyCutoffs, long seed) {
            return new Settings(customers, LocalDate.of(2010, 1, 1), monthlyCutoffs, 90, seed);
        }
    }

    private SyntheticRetail() {
    }

    public static List<FeatureSnapshot> snapshots(Settings settings) {
        List<SyntheticCustomer> customers = customers(settings);
        List<Instant> times = snapshotTimes(settings);
        List<FeatureSnapshot> snapshots = new ArrayList<>();
        for (Instant time : times) {
            long t = time.toEpochMilli();
            for (SyntheticCustomer customer : customers) {
                if (customer.firstPurchase() <= t) {
                    snapshots.add(FeatureSnapshot.newBuilder().setCustomerId(customer.id()).setCutoff(time)
                            .setFeatures(customer.featuresAsOf(t)).build());
                }
            }
        }
        return snapshots;
    }

    /** Monthly cutoffs, then the label horizons the stream has passed, in time order. */
    public static List<Instant> snapshotTimes(Settings settings) {
        List<Instant> monthly = new ArrayList<>();
        for (int k = 0; k < settings.monthlyCutoffs(); k++) {
            monthly.add(settings.firstCutoff().plusMonths(k).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        Instant end = monthly.get(monthly.size() - 1);
        List<Instant> times = new ArrayList<>(monthly);
        for (Instant cutoff : monthly) {
            Instant horizon = cutoff.plus(Duration.ofDays(settings.horizonDays()));
            if (!horizon.isAfter(end) && !times.contains(horizon)) {
                times.add(horizon);
            }
        }
        times.sort(null);
        return times;
    }

    static List<SyntheticCustomer> customers(Settings settings) {
        RandomGenerator random = new Well19937c(settings.seed());
        GammaDistribution rates = new GammaDistribution(random, 1.2, 1 / 40.0);
        BetaDistribution dropouts = new BetaDistribution(random, 1, 7);
        BetaDistribution returnPropensity = new BetaDistribution(random, 1, 10);
        long start = settings.firstCutoff().minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = settings.firstCutoff().plusMonths(settings.monthlyCutoffs() - 1L)
                .atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        List<SyntheticCustomer> customers = new ArrayList<>(settings.customers());
        for (int i = 0; i < settings.customers(); i++) {
            SyntheticCustomer customer = new SyntheticCustomer(String.format(Locale.ROOT, "C%07d", i));
            long acquired = start + (long) (random.nextDouble() * (end - start));
            simulate(customer, acquired, end, rates.sample(), dropouts.sample(), returnPropensity.sample(), random);
            customer.sortOrders();
            customers.add(customer);
        }
        return customers;
    }

    private static void simulate(SyntheticCustomer customer, long acquired, long end, double ratePerDay,
                                 double dropout, double returnProbability, RandomGenerator random) {
        double meanValue = Math.exp(Math.log(3000) + 0.7 * random.nextGaussian());
        double meanUnits = 1 + 6 * random.nextDouble();
        long time = acquired;
        while (time <= end) {
            boolean returned = order(customer, time, meanValue, meanUnits, returnProbability, random);
            double dropNow = returned ? Math.min(1, 2.5 * dropout) : dropout;
            if (random.nextDouble() < dropNow) {
                return;
            }
            time = nextPurchase(time, ratePerDay, random);
        }
    }

    /** Thinning: candidate gaps at the peak rate, each accepted with the season's share of the peak. */
    private static long nextPurchase(long from, double ratePerDay, RandomGenerator random) {
        double peak = 1.6;
        long time = from;
        while (true) {
            double gapDays = -Math.log(1 - random.nextDouble()) / (ratePerDay * peak);
            time += Math.max(1, (long) (gapDays * DAY_MS));
            if (random.nextDouble() * peak < season(time)) {
                return time;
            }
        }
    }

    private static double season(long time) {
        int month = LocalDate.ofEpochDay(Math.floorDiv(time, DAY_MS)).getMonthValue();
        return switch (month) {
            case 11 -> 1.6;
            case 10, 12 -> 1.3;
            case 1, 2 -> 0.8;
            default -> 1.0;
        };
    }

    private static boolean order(SyntheticCustomer customer, long time, double meanValue, double meanUnits,
                                 double returnProbability, RandomGenerator random) {
        long value = Math.max(50, Math.round(meanValue * Math.exp(0.4 * random.nextGaussian() - 0.08)));
        int units = 1 + (int) Math.round(-Math.log(1 - random.nextDouble()) * meanUnits);
        int distinct = Math.min(units, 1 + random.nextInt(5));
        int[] skus = new int[distinct];
        for (int k = 0; k < distinct; k++) {
            skus[k] = random.nextInt(3000);
        }
        customer.add(new SyntheticCustomer.Order(time, true, value, units, skus));
        if (random.nextDouble() < returnProbability) {
            long returnTime = time + (1 + random.nextInt(20)) * DAY_MS;
            long returnedValue = Math.max(1, Math.round(value * (0.2 + 0.8 * random.nextDouble())));
            customer.add(new SyntheticCustomer.Order(returnTime, false, returnedValue, 1, new int[0]));
            return true;
        }
        return false;
    }
}
